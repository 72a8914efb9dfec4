package org.topoomni.report;

import org.topoomni.io.AtomicFiles;
import org.topoomni.plot.LinePlot;
import org.topoomni.map.Contrasts;
import org.topoomni.io.Json;
import org.topoomni.map.MapFixtures;
import org.topoomni.map.ResponseProfiles;
import org.topoomni.map.SelectivityAnalysis;
import org.topoomni.sheet.SheetResponses;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo output folders for report tests, laid out as {@code demo} writes them, built in seconds from
 * the synthetic localizer fixture (no model): localize/{topo,control} (tiny sheet, planted
 * patches in the topographic one), compare/, topo/ and control/ training outputs, results.json;
 * optionally the perturb/ and discover/ stages with known numbers.
 */
public final class DemoFolders {

    private DemoFolders() {
    }

    /** A folder with pretraining, training, localizers and comparison, but no perturb/ or discover/. */
    public static Path withoutPerturbAndDiscover(Path dir) throws IOException {
        Map<String, Object> loc = new LinkedHashMap<>();
        for (boolean topo : new boolean[] {true, false}) {
            String name = topo ? "topo" : "control";
            SheetResponses r = MapFixtures.localizer(MapFixtures.tiny(), topo, 8, 4, 3.0, 11);
            var result = LocalizerReport.run(r, Contrasts.available(Contrasts.standard(), r.categories()),
                    new LocalizerReport.Options(name, SelectivityAnalysis.Settings.defaults().withPermutations(99), ResponseProfiles.Settings.defaults(), true),
                    dir.resolve("localize").resolve(name), null);
            loc.put(name, result.summary());
            training(dir.resolve(name), topo);
        }
        RunComparison.run(dir.resolve("localize/topo"), dir.resolve("localize/control"), "topo", "control", dir.resolve("compare"));
        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, Object> pre = new LinkedHashMap<>();
        pre.put("visual_accuracy", 0.5);
        pre.put("auditory_accuracy", 0.9);
        pre.put("perplexity", 20.0);
        pre.put("unigram_perplexity", 50.0);
        pre.put("seed", 7);
        pre.put("accuracy_by_kind", ordered("visual", 0.5, "auditory", 0.9));
        pre.put("accuracy_by_category", ordered("visual/faces", 0.75, "visual/scenes", 0.25, "auditory/speech", 0.9));
        results.put("pretrain", pre);
        results.put("train", Map.of("topo", Json.read(dir.resolve("topo/metrics.json")), "control", Json.read(dir.resolve("control/metrics.json"))));
        results.put("localize", loc);
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("stimulus library", 12.0);
        timings.put("localizers on topo", 40.0);
        timings.put("localizers on control", 41.0);
        timings.put("total", 93.0);
        results.put("timings", timings);
        Json.write(dir.resolve("results.json"), results);
        return dir;
    }

    /** A map in the order given (Map.of's order changes from one JVM to the next, and the report shows maps in file order). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    private static void training(Path dir, boolean topo) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heldout_spatial_loss", topo ? 0.15 : 0.5);
        m.put("answer_agreement", 0.99);
        m.put("accuracy", 0.8);
        m.put("base_accuracy", 0.805);
        m.put("seconds", 60.0);
        m.put("mode", "cached");
        m.put("alpha", topo ? 20.0 : 0.0);
        Json.write(dir.resolve("metrics.json"), m);
        Json.write(dir.resolve("cortical.json"), Map.of("seed", 7, "alpha", topo ? 20.0 : 0.0, "steps", 10));
        double[] x = {1, 2, 3, 4}, y = {0.5, 0.4, topo ? 0.2 : 0.5, topo ? 0.15 : 0.5};
        LinePlot.write(dir.resolve("curve.png"), topo ? "topographic training" : "control training", "step", x, List.of(new LinePlot.Series("spatial loss", y)));
        AtomicFiles.writeString(dir.resolve("curve.csv"), "step,spatial\n1,0.5\n2,0.4\n3,0.2\n4,0.15\n");
    }

    /** Coverage points of the perturbation fixture (percent, as the issue lists them). */
    static final double[] COVERAGE = {0, 5, 10, 15, 30};

    /**
     * Adds perturb/{topo,control} and discover/ with known numbers (faces drive 85% at 15%; suppress 10%: faces 80% -> 10%,
     * others 60% -> 55%) and their timings in results.json (perturbation 50 s, screening 30 s).
     */
    public static Path addPerturbAndDiscover(Path dir) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode results = (com.fasterxml.jackson.databind.node.ObjectNode) Json.read(dir.resolve("results.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) results.get("timings")).put("perturbation", 50.0).put("screening", 30.0);
        Json.write(dir.resolve("results.json"), results);
        for (String m : List.of("topo", "control")) {
            boolean topo = m.equals("topo");
            Map<String, Object> cats = new LinkedHashMap<>();
            cats.put("faces", curves(topo ? new double[] {0.02, 0.3, 0.6, 0.85, 0.95} : new double[] {0.02, 0.03, 0.03, 0.04, 0.05},
                    topo ? new double[] {0.8, 0.5, 0.1, 0.05, 0.0} : new double[] {0.8, 0.8, 0.78, 0.77, 0.7}));
            cats.put("scenes", curves(new double[] {0.01, 0.1, 0.2, 0.3, 0.4}, new double[] {0.7, 0.6, 0.5, 0.4, 0.3}));
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("model", m);
            s.put("categories", cats);
            Json.write(dir.resolve("perturb").resolve(m).resolve("summary.json"), s);
            LinePlot.write(dir.resolve("perturb").resolve(m).resolve("curves.png"), m + " dose-response", "coverage %", COVERAGE,
                    List.of(new LinePlot.Series("drive faces", (double[]) ((Map<?, ?>) cats.get("faces")).get("drive_rate"))));
        }
        List<Map<String, Object>> clusters = new ArrayList<>();
        String[][] c = {{"0", "animals", "0.9", "0.5"}, {"1", "visual/landscapes", "0.85", "0.45"}, {"2", "faces", "0.95", "0.7"}, {"3", "tools", "0.5", "0.1"},
                {"4", "scrambled_objects", "0.9", "0.5"}};
        for (String[] k : c) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", Integer.parseInt(k[0]));
            e.put("size", 20 + Integer.parseInt(k[0]));
            e.put("score", 1.5);
            e.put("island_morans_i", Double.parseDouble(k[3]));
            e.put("n_islands", 1);
            e.put("top_label", k[1]);
            e.put("purity", Double.parseDouble(k[2]));
            e.put("collage", "cluster-" + k[0] + "/collage.png");
            e.put("map", "cluster-" + k[0] + "/map.png");
            clusters.add(e);
            Path cd = dir.resolve("discover/cluster-" + k[0]);
            AtomicFiles.writePng(cd.resolve("collage.png"), tile(0x336699 + 0x1000 * Integer.parseInt(k[0])));
            Files.copy(dir.resolve("localize/topo/faces/map.png"), cd.resolve("map.png"));
        }
        Map<String, Object> categories = new LinkedHashMap<>();
        categories.put("animals", Map.of("n_items", 64, "best_cluster", 0, "recall", 0.3, "precision", 0.9,
                "all_items_map", Map.of("score", 0.42, "n_significant", 123, "island_morans_i", 0.47, "n_islands", 2)));
        categories.put("birds", Map.of("n_items", 64, "recall", 0.0));
        Json.write(dir.resolve("discover/summary.json"), Map.of("clusters", clusters, "categories", categories));
        AtomicFiles.writePng(dir.resolve("discover/dendrogram.png"), tile(0x999999));
        return dir;
    }

    private static Map<String, Object> curves(double[] drive, double[] suppress) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("coverage", COVERAGE.clone());
        m.put("drive_rate", drive);
        m.put("suppress_accuracy", suppress);
        m.put("suppress_other_accuracy", new double[] {0.6, 0.6, 0.55, 0.5, 0.4});
        m.put("random_drive_rate", new double[] {0.02, 0.02, 0.03, 0.03, 0.04});
        m.put("random_suppress_accuracy", new double[] {0.8, 0.79, 0.78, 0.78, 0.75});
        Map<String, Object> by = new LinkedHashMap<>(), random = new LinkedHashMap<>();
        by.put("bodies", new double[] {0.5, 0.5, 0.25, 0.2, 0.1});
        by.put("objects", new double[] {0.7, 0.7, 0.75, 0.7, 0.6});
        random.put("bodies", new double[] {0.5, 0.5, 0.45, 0.45, 0.4});
        random.put("objects", new double[] {0.7, 0.7, 0.7, 0.65, 0.6});
        m.put("suppress_other_by_category", by);
        m.put("random_suppress_other_by_category", random);
        return m;
    }

    private static BufferedImage tile(int rgb) {
        BufferedImage img = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) for (int x = 0; x < 64; x++) img.setRGB(x, y, (x + y) % 7 == 0 ? 0xffffff : rgb);
        return img;
    }
}
