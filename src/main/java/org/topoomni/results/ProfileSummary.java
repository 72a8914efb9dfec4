package org.topoomni.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The response profile of one contrast against its human fROI, as {@code localize}'s summary.json
 * lists it under {@code profiles.<contrast>}; a profile that could not be measured holds only the
 * reason ({@code skipped}).
 *
 * @param humanRoi    the human fROI (null: the contrast has no human counterpart)
 * @param pearsonR    Pearson r over the shared conditions (NaN when undefined)
 * @param spearmanRho Spearman's rho over the same
 * @param paperR      the paper's r for this fROI (NaN where it gives none)
 * @param nUnits      units in the profile
 * @param kPercent    their share of the region (percent)
 * @param fwhm        smoothing FWHM of the selection
 * @param nConditions shared conditions
 * @param skipped     why the profile was not measured (null when it was)
 */
public record ProfileSummary(
        @JsonProperty("human_roi") String humanRoi,
        @JsonProperty("pearson_r") double pearsonR,
        @JsonProperty("spearman_rho") double spearmanRho,
        @JsonProperty("paper_r") double paperR,
        @JsonProperty("n_units") int nUnits,
        @JsonProperty("k_percent") double kPercent,
        @JsonProperty("fwhm") double fwhm,
        @JsonProperty("n_conditions") int nConditions,
        @JsonProperty("skipped") @JsonInclude(JsonInclude.Include.NON_NULL) String skipped) {

    /** A profile that was not measured, and why. */
    public static ProfileSummary skipped(String why) {
        return new ProfileSummary(null, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, 0, why);
    }

    public boolean measured() {
        return skipped == null;
    }
}
