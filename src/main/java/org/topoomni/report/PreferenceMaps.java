package org.topoomni.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.io.Json;
import org.topoomni.map.Npy;
import org.topoomni.map.PreferenceAnalysis;
import org.topoomni.map.PreferenceMap;
import org.topoomni.map.Region;
import org.topoomni.sheet.SheetLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a retinotopy or tonotopy folder written by {@code MapFiles.writePreference} (fmap.npy,
 * qmap.npy, mask.npy, preferred.npy, summary.json) back into a {@link PreferenceMap}, so that the
 * report can redraw the topographic and control maps side by side.
 */
final class PreferenceMaps {

    private PreferenceMaps() {
    }

    static PreferenceMap read(Path dir, SheetLayout layout) throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no retinotopy/tonotopy folder at " + dir);
        JsonNode s = Json.read(dir.resolve("summary.json"));
        String name = need(s, "design", dir).asText();
        List<String> order = new ArrayList<>();
        need(s, "preferred_index_order", dir).forEach(n -> order.add(n.asText()));
        JsonNode conds = need(s, "conditions", dir);
        PreferenceAnalysis.Design design = PreferenceAnalysis.standard(order).stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseGet(() -> fromSummary(name, s, order, dir));
        if (!design.categories().equals(order)) {
            throw new IllegalArgumentException(dir.resolve("summary.json") + ": conditions " + order + " do not match the design " + design.categories());
        }
        int n = order.size();
        int[] counts = new int[n], stimuli = new int[n];
        for (int i = 0; i < n; i++) {
            JsonNode c = conds.get(order.get(i));
            if (c == null) throw new IllegalArgumentException(dir.resolve("summary.json") + " has no condition '" + order.get(i) + "'");
            counts[i] = c.path("n_preferring").asInt();
            stimuli[i] = c.path("n_stimuli").asInt();
        }
        int rows = layout.rows(), cols = layout.cols();
        int[] preferred = map(dir.resolve("preferred.npy"), rows, cols).asInts();
        for (int p : preferred) {
            if (p < -1 || p >= n) throw new IllegalArgumentException(dir.resolve("preferred.npy") + " holds condition index " + p + ", but there are " + n);
        }
        return new PreferenceMap(design, layout, need(s, "fwhm", dir).asDouble(), need(s, "q_threshold", dir).asDouble(),
                map(dir.resolve("fmap.npy"), rows, cols).asDoubles(), map(dir.resolve("qmap.npy"), rows, cols).asDoubles(),
                map(dir.resolve("mask.npy"), rows, cols).asBools(), preferred, counts, stimuli);
    }

    /** A design that is not one of the standard three, rebuilt from what summary.json records. */
    private static PreferenceAnalysis.Design fromSummary(String name, JsonNode s, List<String> order, Path dir) {
        List<PreferenceAnalysis.Condition> cs = new ArrayList<>();
        for (String c : order) {
            JsonNode n = s.path("conditions").path(c);
            cs.add(new PreferenceAnalysis.Condition(c, n.path("label").asText(c), n.path("value").asDouble(cs.size())));
        }
        String scale = s.path("scale").asText("ordered");
        return new PreferenceAnalysis.Design(name, s.path("title").asText(name), "preferred condition", cs,
                Region.parse(need(s, "region", dir).asText()),
                scale.toLowerCase(Locale.ROOT).equals("cyclic") ? PreferenceAnalysis.Scale.CYCLIC : PreferenceAnalysis.Scale.ORDERED);
    }

    private static Npy.Array map(Path file, int rows, int cols) throws IOException {
        Npy.Array a = Npy.read(file);
        if (a.shape().length != 2 || a.shape()[0] != rows || a.shape()[1] != cols) {
            throw new IllegalArgumentException(file + " has shape " + java.util.Arrays.toString(a.shape()) + ", expected [" + rows + ", " + cols + "]");
        }
        return a;
    }

    private static JsonNode need(JsonNode n, String key, Path dir) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) throw new IllegalArgumentException(dir.resolve("summary.json") + " has no \"" + key + "\"");
        return v;
    }
}
