package org.topoomni.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.topoomni.io.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's {@code results.json}: every number of a demo run in one file, gathered from the
 * stages' own files (docs/RESULTS.md describes each key).
 *
 * @param pretrain       the base model's metrics.json
 * @param train          the training runs' metrics.json
 * @param localize       the localizer runs' summary.json
 * @param profiles       the topographic model's response profiles against the human fROIs
 * @param perturb        the topographic model's perturbation curves per category (null: not run)
 * @param perturbControl the same for the control (null: not run)
 * @param discover       the screening's summary.json (null: not run)
 * @param timings        seconds per stage as measured when the stage did its work, and their sum "total"
 * @param reusedStages   stages found done with no time of their own in this run folder (null in
 *                       folders written before the demo recorded them)
 * @param quick          whether the demo's --quick settings were used
 * @param seed           the seed of everything
 */
public record DemoResults(
        @JsonProperty("pretrain") @JsonInclude(JsonInclude.Include.NON_NULL) PretrainMetrics pretrain,
        @JsonProperty("train") @JsonInclude(JsonInclude.Include.NON_NULL) ByModel<TrainingMetrics> train,
        @JsonProperty("localize") @JsonInclude(JsonInclude.Include.NON_NULL) ByModel<LocalizerSummary> localize,
        @JsonProperty("profiles") @JsonInclude(JsonInclude.Include.NON_NULL) List<Profile> profiles,
        @JsonProperty("perturb") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, PerturbationSummary.Curves> perturb,
        @JsonProperty("perturb_control") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, PerturbationSummary.Curves> perturbControl,
        @JsonProperty("discover") @JsonInclude(JsonInclude.Include.NON_NULL) ScreeningSummary discover,
        @JsonProperty("timings") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> timings,
        @JsonProperty("reused_stages") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> reusedStages,
        @JsonProperty("quick") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean quick,
        @JsonProperty("seed") @JsonInclude(JsonInclude.Include.NON_NULL) Long seed) {

    /** The file name in a demo's run folder. */
    public static final String FILE = "results.json";
    /** The key of {@link #timings} that holds their sum. */
    public static final String TOTAL = "total";

    /**
     * One response profile of the topographic model.
     *
     * @param contrast the contrast
     * @param humanRoi its human fROI (null: none)
     * @param r        Pearson r over the shared conditions (NaN when undefined)
     * @param paperR   the paper's r (NaN, and absent from the file, where the paper gives none)
     */
    public record Profile(@JsonProperty("contrast") String contrast, @JsonProperty("human_roi") String humanRoi, @JsonProperty("r") double r,
                          @JsonProperty("paper_r") @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Json.Absent.class) double paperR) {}

    /** The profiles of a localizer run, one per contrast (a skipped one with neither fROI nor r). */
    public static List<Profile> profiles(LocalizerSummary localizer) {
        List<Profile> out = new ArrayList<>();
        if (localizer == null) return out;
        localizer.profiles().byContrast().forEach((c, p) -> out.add(new Profile(c, p.humanRoi(), p.pearsonR(), p.paperR())));
        return out;
    }

    public static DemoResults read(Path file) throws IOException {
        return Json.read(file, DemoResults.class);
    }

    public void write(Path file) throws IOException {
        Json.write(file, this);
    }
}
