package org.topoomni.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.io.Json;
import org.topoomni.io.LayoutJson;
import org.topoomni.results.ByModel;
import org.topoomni.results.DemoResults;
import org.topoomni.results.LocalizerSummary;
import org.topoomni.results.PerturbationSummary;
import org.topoomni.results.PretrainMetrics;
import org.topoomni.results.ScreeningSummary;
import org.topoomni.results.TrainingMetrics;
import org.topoomni.sheet.SheetLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A demo's output folder, read into typed results. Every stage is optional; a stage whose files
 * are absent reads as null, and the report says it was not run. Reading fails at once, naming the
 * file, when a file is there but is not what its name says, so that nothing is half-written.
 * <pre>
 * results.json                        pretrain, train, localize, timings (+ perturb, discover, seed, quick)
 * topo/ control/                      training: metrics.json, cortical.json, curve.csv, curve.png
 * localize/{topo,control}/            summary.json, layout.json, &lt;contrast&gt;/map.png, profiles.png,
 *                                     retinotopy_angle/, retinotopy_eccentricity/, tonotopy/
 * compare/                            &lt;contrast&gt;.png (topo and control side by side), comparison.csv
 * perturb/{topo,control}/             summary.json, curves.png
 * discover/                           summary.json, dendrogram.png, cluster-&lt;id&gt;/{collage,map}.png
 * </pre>
 */
final class RunFolder {

    static final List<String> MODELS = ByModel.MODELS;

    final Path dir;
    /** results.json, or null. */
    final DemoResults results;
    final ByModel<LocalizerSummary> localize;
    /** Each model's metrics.json, else results.json's train section. */
    final ByModel<TrainingMetrics> train;
    /** Each model's cortical.json (the training's settings), shown as it is. */
    final ByModel<JsonNode> cortical;
    final ByModel<PerturbationSummary> perturb;
    final ScreeningSummary discover;
    /** The sheet, from a localizer run (null when none ran). */
    final SheetLayout layout;

    RunFolder(Path dir) throws IOException {
        if (dir == null) throw new IllegalArgumentException("no run folder given");
        if (!Files.exists(dir)) throw new IllegalArgumentException("no run folder at " + dir);
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + " is a file, not a demo run folder");
        this.dir = dir;
        boolean any = false;
        for (String p : List.of(DemoResults.FILE, "topo/" + TrainingMetrics.FILE, "control/" + TrainingMetrics.FILE,
                "localize/topo/" + LocalizerSummary.FILE, "localize/control/" + LocalizerSummary.FILE)) {
            any |= Files.isRegularFile(dir.resolve(p));
        }
        if (!any) {
            throw new IllegalArgumentException(dir + " is not a demo output folder: it has none of results.json, topo/metrics.json, "
                    + "control/metrics.json, localize/topo/summary.json, localize/control/summary.json (make one with ./topo-omni demo --out " + dir + ")");
        }
        results = read(DemoResults.FILE, DemoResults::read);
        localize = new ByModel<>(read("localize/topo/" + LocalizerSummary.FILE, LocalizerSummary::read),
                read("localize/control/" + LocalizerSummary.FILE, LocalizerSummary::read));
        ByModel<TrainingMetrics> fromResults = results == null || results.train() == null ? new ByModel<>(null, null) : results.train();
        train = new ByModel<>(orElse(read("topo/" + TrainingMetrics.FILE, TrainingMetrics::read), fromResults.topo()),
                orElse(read("control/" + TrainingMetrics.FILE, TrainingMetrics::read), fromResults.control()));
        cortical = new ByModel<>(read("topo/cortical.json", Json::read), read("control/cortical.json", Json::read));
        perturb = new ByModel<>(read("perturb/topo/" + PerturbationSummary.FILE, PerturbationSummary::read),
                read("perturb/control/" + PerturbationSummary.FILE, PerturbationSummary::read));
        discover = read("discover/" + ScreeningSummary.FILE, ScreeningSummary::read);
        Path lt = dir.resolve("localize/topo/layout.json"), lc = dir.resolve("localize/control/layout.json");
        layout = Files.isRegularFile(lt) ? LayoutJson.read(lt) : Files.isRegularFile(lc) ? LayoutJson.read(lc) : null;
    }

    Path path(String relative) {
        return dir.resolve(relative);
    }

    boolean exists(String relative) {
        return Files.isRegularFile(dir.resolve(relative));
    }

    /** results.json's pretrain section, or null. */
    PretrainMetrics pretrain() {
        return results == null ? null : results.pretrain();
    }

    /** results.json's timings, or null. */
    Map<String, Double> timings() {
        return results == null ? null : results.timings();
    }

    /** The localizer runs that exist. */
    List<LocalizerSummary> localizers() {
        return java.util.stream.Stream.of(localize.topo(), localize.control()).filter(java.util.Objects::nonNull).toList();
    }

    private interface Reader<T> {
        T read(Path file) throws IOException;
    }

    private <T> T read(String relative, Reader<T> reader) throws IOException {
        Path f = dir.resolve(relative);
        return Files.isRegularFile(f) ? reader.read(f) : null;
    }

    private static <T> T orElse(T value, T other) {
        return value != null ? value : other;
    }
}
