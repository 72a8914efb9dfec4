package org.topoomni.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.io.Json;
import org.topoomni.io.LayoutJson;
import org.topoomni.sheet.SheetLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A demo's output folder, as the report reads it. Every stage is optional; a stage whose files are
 * absent reads as null, and the report says it was not run.
 * <pre>
 * results.json                        pretrain, train, localize, timings (+ perturb, discover, versions, seed)
 * topo/ control/                      training: metrics.json, cortical.json, curve.csv, curve.png
 * localize/{topo,control}/            summary.json, layout.json, &lt;contrast&gt;/map.png, profiles.png,
 *                                     retinotopy_angle/, retinotopy_eccentricity/, tonotopy/
 * compare/                            &lt;contrast&gt;.png (topo and control side by side), comparison.csv
 * perturb/{topo,control}/             summary.json, curves.png
 * discover/                           summary.json, dendrogram.png, cluster-&lt;id&gt;/{collage,map}.png
 * </pre>
 */
final class RunFolder {

    static final List<String> MODELS = List.of("topo", "control");

    final Path dir;
    final JsonNode results;
    final JsonNode locTopo, locControl;
    final JsonNode trainTopo, trainControl;
    final JsonNode corticalTopo, corticalControl;
    final JsonNode perturbTopo, perturbControl;
    final JsonNode discover;
    final SheetLayout layout;

    RunFolder(Path dir) throws IOException {
        if (dir == null) throw new IllegalArgumentException("no run folder given");
        if (!Files.exists(dir)) throw new IllegalArgumentException("no run folder at " + dir);
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + " is a file, not a demo run folder");
        this.dir = dir;
        boolean any = false;
        for (String p : List.of("results.json", "topo/metrics.json", "control/metrics.json", "localize/topo/summary.json",
                "localize/control/summary.json")) {
            any |= Files.isRegularFile(dir.resolve(p));
        }
        if (!any) {
            throw new IllegalArgumentException(dir + " is not a demo output folder: it has none of results.json, topo/metrics.json, "
                    + "control/metrics.json, localize/topo/summary.json, localize/control/summary.json (make one with ./topo-omni demo --out " + dir + ")");
        }
        results = json("results.json");
        locTopo = json("localize/topo/summary.json");
        locControl = json("localize/control/summary.json");
        trainTopo = jsonOr("topo/metrics.json", "train", "topo");
        trainControl = jsonOr("control/metrics.json", "train", "control");
        corticalTopo = json("topo/cortical.json");
        corticalControl = json("control/cortical.json");
        perturbTopo = json("perturb/topo/summary.json");
        perturbControl = json("perturb/control/summary.json");
        discover = json("discover/summary.json");
        if (locTopo != null && !locTopo.path("contrasts").isObject()) {
            throw new IllegalArgumentException(dir.resolve("localize/topo/summary.json") + " has no \"contrasts\": is it a localize summary?");
        }
        if (locControl != null && !locControl.path("contrasts").isObject()) {
            throw new IllegalArgumentException(dir.resolve("localize/control/summary.json") + " has no \"contrasts\": is it a localize summary?");
        }
        if (discover != null && !discover.path("clusters").isArray()) {
            throw new IllegalArgumentException(dir.resolve("discover/summary.json") + " has no \"clusters\" list");
        }
        Path lt = dir.resolve("localize/topo/layout.json"), lc = dir.resolve("localize/control/layout.json");
        layout = Files.isRegularFile(lt) ? LayoutJson.read(lt) : Files.isRegularFile(lc) ? LayoutJson.read(lc) : null;
    }

    Path path(String relative) {
        return dir.resolve(relative);
    }

    boolean exists(String relative) {
        return Files.isRegularFile(dir.resolve(relative));
    }

    /** The localize summary of "topo" or "control". */
    JsonNode localize(String model) {
        return model.equals("topo") ? locTopo : locControl;
    }

    JsonNode perturb(String model) {
        return model.equals("topo") ? perturbTopo : perturbControl;
    }

    JsonNode train(String model) {
        return model.equals("topo") ? trainTopo : trainControl;
    }

    JsonNode cortical(String model) {
        return model.equals("topo") ? corticalTopo : corticalControl;
    }

    /** results.json's pretrain section, or null. */
    JsonNode pretrain() {
        return results == null || !results.path("pretrain").isObject() ? null : results.get("pretrain");
    }

    JsonNode timings() {
        return results == null || !results.path("timings").isObject() ? null : results.get("timings");
    }

    private JsonNode json(String relative) throws IOException {
        Path f = dir.resolve(relative);
        return Files.isRegularFile(f) ? Json.read(f) : null;
    }

    /** The file, or else results.json's node at {@code keys}, or null. */
    private JsonNode jsonOr(String relative, String... keys) throws IOException {
        JsonNode n = json(relative);
        if (n != null || results == null) return n;
        JsonNode r = results;
        for (String k : keys) r = r.path(k);
        return r.isObject() ? r : null;
    }

    /** A number of a JSON node, NaN when absent, null or not a number. */
    static double num(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    static int integer(JsonNode n, String key, int dflt) {
        JsonNode v = n == null ? null : n.get(key);
        return v != null && v.isNumber() ? v.asInt() : dflt;
    }

    static String text(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
