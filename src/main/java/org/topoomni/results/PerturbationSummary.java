package org.topoomni.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.io.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code perturb}'s {@code summary.json}: every category's dose-response curves under driving and
 * suppressing its cluster (and random masks of the same size), the model, the settings, the
 * timings.
 *
 * @param model         the model's name
 * @param modelDir      its folder
 * @param modelType     "topographic", "control" or "backbone" (no adaptors)
 * @param control       whether it is the control (null for a bare backbone)
 * @param alpha         its spatial loss weight (NaN, and absent from the file, for a bare backbone)
 * @param localizerModel the model the localizer ran on
 * @param categories    the curves per category
 * @param settings      the experiment's settings
 * @param timings       seconds per step, answers and answers per second
 */
public record PerturbationSummary(
        @JsonProperty("model") String model,
        @JsonProperty("model_dir") String modelDir,
        @JsonProperty("kind") String modelType,
        @JsonProperty("control") Boolean control,
        @JsonProperty("alpha") @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Json.Absent.class) double alpha,
        @JsonProperty("localizer_model") String localizerModel,
        @JsonProperty("categories") Map<String, Curves> categories,
        @JsonProperty("settings") Settings settings,
        @JsonProperty("timings") Map<String, Double> timings) {

    /** The file name in a perturbation run's folder. */
    public static final String FILE = "summary.json";

    /**
     * The dose-response curves of one category, one value per coverage (random: mean over the
     * random masks). Rates are fractions of held-out images.
     *
     * @param coverage                     percent of the region's units in the mask
     * @param nUnits                       units in the mask
     * @param driveRate                    other-category images whose answer names the category while its cluster is driven
     * @param suppressAccuracy             the category's images still named correctly while suppressed
     * @param suppressOtherAccuracy        the other categories' images named correctly under the same suppression
     * @param randomDriveRate              driveRate with random masks
     * @param randomSuppressAccuracy       suppressAccuracy with random masks
     * @param randomSuppressOtherAccuracy  suppressOtherAccuracy with random masks
     * @param suppressOtherByCategory      suppressOtherAccuracy split by the other images' own category
     * @param randomSuppressOtherByCategory the same with random masks
     * @param clusterMeanDelta             mean delta over the cluster mask's units
     * @param randomMeanDelta              mean delta over the random masks' units
     * @param nImages                      the category's images
     * @param nOtherImages                 the other categories' images
     */
    public record Curves(
            @JsonProperty("coverage") double[] coverage,
            @JsonProperty("n_units") int[] nUnits,
            @JsonProperty("drive_rate") double[] driveRate,
            @JsonProperty("suppress_accuracy") double[] suppressAccuracy,
            @JsonProperty("suppress_other_accuracy") double[] suppressOtherAccuracy,
            @JsonProperty("random_drive_rate") double[] randomDriveRate,
            @JsonProperty("random_suppress_accuracy") double[] randomSuppressAccuracy,
            @JsonProperty("random_suppress_other_accuracy") double[] randomSuppressOtherAccuracy,
            @JsonProperty("suppress_other_by_category") Map<String, double[]> suppressOtherByCategory,
            @JsonProperty("random_suppress_other_by_category") Map<String, double[]> randomSuppressOtherByCategory,
            @JsonProperty("cluster_mean_delta") double[] clusterMeanDelta,
            @JsonProperty("random_mean_delta") double[] randomMeanDelta,
            @JsonProperty("n_images") int nImages,
            @JsonProperty("n_other_images") int nOtherImages) {

        public Curves {
            suppressOtherByCategory = suppressOtherByCategory == null ? Map.of() : suppressOtherByCategory;
            randomSuppressOtherByCategory = randomSuppressOtherByCategory == null ? Map.of() : randomSuppressOtherByCategory;
        }

        /**
         * Checks that every curve the file holds has one value per coverage point.
         *
         * @throws IllegalArgumentException naming {@code where} and the key
         */
        void check(String where) {
            if (coverage == null) throw new IllegalArgumentException(where + " has no \"coverage\" list");
            check(Json.tree(this), where);
        }

        private void check(JsonNode node, String where) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isArray() && v.size() != coverage.length) {
                    throw new IllegalArgumentException(where + ": \"" + e.getKey() + "\" has " + v.size() + " values but \"coverage\" has " + coverage.length);
                }
                if (v.isObject()) check(v, where + " " + e.getKey());
            }
        }
    }

    /**
     * @param categories      categories whose clusters were perturbed
     * @param coverages       the coverages (percent)
     * @param randomMasks     random masks per category and coverage
     * @param perCategory     held-out images per category, at most
     * @param seed            seed of the random masks and the image sample
     * @param maxTokens       longest answer
     * @param batchSize       rows per forward pass
     * @param prompt          the question
     * @param decoding        how answers are decoded
     * @param localizer       the localize folder the masks and deltas came from
     * @param library         the library of the probe images
     * @param images          which images were the probes, in words
     * @param pretrainSeed    the pretraining seed that decides the held-out split (null: none)
     * @param fwhm            the localizer's FWHM
     * @param maskRule        how masks are chosen
     * @param deltaRule       how deltas are computed
     * @param randomRule      how random masks are drawn
     * @param judge           how an answer is judged
     * @param judgeCategories the categories an answer is judged among
     * @param contrasts       the contrast behind each category's mask
     * @param moreImages      further libraries whose held-out images joined the probe
     */
    public record Settings(
            @JsonProperty("categories") List<String> categories,
            @JsonProperty("coverages") double[] coverages,
            @JsonProperty("random_masks") int randomMasks,
            @JsonProperty("per_category") int perCategory,
            @JsonProperty("seed") long seed,
            @JsonProperty("max_tokens") int maxTokens,
            @JsonProperty("batch_size") int batchSize,
            @JsonProperty("prompt") String prompt,
            @JsonProperty("decoding") String decoding,
            @JsonProperty("localizer") String localizer,
            @JsonProperty("library") String library,
            @JsonProperty("images") String images,
            @JsonProperty("pretrain_seed") Long pretrainSeed,
            @JsonProperty("fwhm") double fwhm,
            @JsonProperty("mask_rule") String maskRule,
            @JsonProperty("delta_rule") String deltaRule,
            @JsonProperty("random_rule") String randomRule,
            @JsonProperty("judge") String judge,
            @JsonProperty("judge_categories") List<String> judgeCategories,
            @JsonProperty("contrasts") Map<String, ContrastUsed> contrasts,
            @JsonProperty("more_images") List<String> moreImages) {}

    /** The contrast behind a category's mask: ON, OFF, region, its units, the odd-run stimuli of the delta, the judge's phrase. */
    public record ContrastUsed(@JsonProperty("on") List<String> on, @JsonProperty("off") List<String> off,
                               @JsonProperty("region") String region, @JsonProperty("region_units") int regionUnits,
                               @JsonProperty("n_odd_on") int nOddOn, @JsonProperty("n_odd_off") int nOddOff,
                               @JsonProperty("phrase") String phrase) {}

    /**
     * Reads a perturbation summary and checks its curves.
     *
     * @throws IllegalArgumentException naming the file (and category and key) when it is not one
     */
    public static PerturbationSummary read(Path file) throws IOException {
        PerturbationSummary s = Json.read(file, PerturbationSummary.class);
        if (s.categories() == null) throw new IllegalArgumentException(file + " has no \"categories\" object");
        s.categories().forEach((c, curves) -> {
            if (curves == null) throw new IllegalArgumentException(file + ": category " + c + " has no curves");
            curves.check(file + " " + c);
        });
        return s;
    }

    public void write(Path file) throws IOException {
        Json.write(file, this);
    }
}
