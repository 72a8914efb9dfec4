package org.topoomni.results;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * One retinotopy or tonotopy design, as {@code localize}'s summary.json lists it under
 * {@code maps.<name>} (the design's own folder repeats it in its summary.json).
 *
 * @param title        the design in words
 * @param region       the part of the sheet it is read in
 * @param scale        "cyclic" (polar angle) or "ordered"
 * @param nSignificant significant units (one-way ANOVA, FDR) in the region
 * @param conditions   per condition (category): its label, value, stimuli and preferring units
 * @param fwhm         smoothing FWHM
 * @param qThreshold   FDR threshold
 */
public record PreferenceSummary(
        @JsonProperty("title") String title,
        @JsonProperty("region") String region,
        @JsonProperty("scale") String scale,
        @JsonProperty("n_significant") int nSignificant,
        @JsonProperty("conditions") Map<String, Condition> conditions,
        @JsonProperty("fwhm") double fwhm,
        @JsonProperty("q_threshold") double qThreshold) {

    /** A condition of the design: label, value (angle, eccentricity, frequency), stimuli, units that prefer it. */
    public record Condition(@JsonProperty("label") String label, @JsonProperty("value") double value,
                            @JsonProperty("n_stimuli") int nStimuli, @JsonProperty("n_preferring") int nPreferring) {}
}
