package org.topoomni.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.io.Json;
import org.topoomni.io.Npy;
import org.topoomni.map.PreferenceAnalysis;
import org.topoomni.map.PreferenceMap;
import org.topoomni.map.Region;
import org.topoomni.results.PreferenceSummary;
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
        Path file = dir.resolve("summary.json");
        // the design's entry of localize's summary.json, with the design's name and the conditions' index order around it
        JsonNode tree = Json.read(file);
        String name = need(tree, "design", file).asText();
        List<String> order = new ArrayList<>();
        need(tree, "preferred_index_order", file).forEach(n -> order.add(n.asText()));
        PreferenceSummary s = Json.convert(tree, PreferenceSummary.class, file.toString());
        if (s.conditions() == null) throw new IllegalArgumentException(file + " has no \"conditions\"");
        if (s.region() == null) throw new IllegalArgumentException(file + " has no \"region\"");
        if (Double.isNaN(s.fwhm()) || Double.isNaN(s.qThreshold())) throw new IllegalArgumentException(file + " has no \"fwhm\" or \"q_threshold\"");
        PreferenceAnalysis.Design design = PreferenceAnalysis.standard(order).stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseGet(() -> fromSummary(name, s, order));
        if (!design.categories().equals(order)) {
            throw new IllegalArgumentException(file + ": conditions " + order + " do not match the design " + design.categories());
        }
        int n = order.size();
        int[] counts = new int[n], stimuli = new int[n];
        for (int i = 0; i < n; i++) {
            PreferenceSummary.Condition c = s.conditions().get(order.get(i));
            if (c == null) throw new IllegalArgumentException(file + " has no condition '" + order.get(i) + "'");
            counts[i] = c.nPreferring();
            stimuli[i] = c.nStimuli();
        }
        int rows = layout.rows(), cols = layout.cols();
        int[] preferred = map(dir.resolve("preferred.npy"), rows, cols).asInts();
        for (int p : preferred) {
            if (p < -1 || p >= n) throw new IllegalArgumentException(dir.resolve("preferred.npy") + " holds condition index " + p + ", but there are " + n);
        }
        return new PreferenceMap(design, layout, s.fwhm(), s.qThreshold(),
                map(dir.resolve("fmap.npy"), rows, cols).asDoubles(), map(dir.resolve("qmap.npy"), rows, cols).asDoubles(),
                map(dir.resolve("mask.npy"), rows, cols).asBools(), preferred, counts, stimuli);
    }

    /** A design that is not one of the standard three, rebuilt from what summary.json records. */
    private static PreferenceAnalysis.Design fromSummary(String name, PreferenceSummary s, List<String> order) {
        List<PreferenceAnalysis.Condition> cs = new ArrayList<>();
        for (String c : order) {
            PreferenceSummary.Condition n = s.conditions().get(c);
            cs.add(new PreferenceAnalysis.Condition(c, n == null || n.label() == null ? c : n.label(),
                    n == null || Double.isNaN(n.value()) ? cs.size() : n.value()));
        }
        String scale = s.scale() == null ? "ordered" : s.scale();
        return new PreferenceAnalysis.Design(name, s.title() == null ? name : s.title(), "preferred condition", cs, Region.parse(s.region()),
                scale.toLowerCase(Locale.ROOT).equals("cyclic") ? PreferenceAnalysis.Scale.CYCLIC : PreferenceAnalysis.Scale.ORDERED);
    }

    private static Npy.Array map(Path file, int rows, int cols) throws IOException {
        Npy.Array a = Npy.read(file);
        if (a.shape().length != 2 || a.shape()[0] != rows || a.shape()[1] != cols) {
            throw new IllegalArgumentException(file + " has shape " + java.util.Arrays.toString(a.shape()) + ", expected [" + rows + ", " + cols + "]");
        }
        return a;
    }

    private static JsonNode need(JsonNode n, String key, Path file) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) throw new IllegalArgumentException(file + " has no \"" + key + "\"");
        return v;
    }
}
