package org.topoomni.results;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * One localizer contrast on the sheet, as {@code localize}'s summary.json lists it under
 * {@code contrasts.<name>} (and the contrast's own folder repeats it in its summary.json).
 *
 * @param label              what the contrast compares, in words
 * @param on                 ON categories
 * @param off                OFF categories
 * @param region             the part of the sheet it is read in (all, vision, audio, language)
 * @param kind               sensory or cognitive
 * @param nOn                ON stimuli
 * @param nOff               OFF stimuli
 * @param nSignificant       significant units (q below threshold, t &gt; 0) in the region
 * @param islandMoransI      mean island Moran's I; NaN (null in the file) without islands
 * @param nIslands           islands (connected significant groups of at least the minimum size)
 * @param nSignificantIslands islands with a permutation p &lt; 0.05
 * @param nComponents        connected significant groups of any size
 * @param peak               the unit of largest t in the region; null when no t there is finite
 * @param nSignificantByRegion significant units of the whole sheet per modality
 * @param nSignificantByLayer  significant units of the whole sheet per stack and layer
 * @param fwhm               smoothing FWHM (sheet units)
 * @param qThreshold         FDR threshold
 * @param permutations       permutations per island
 * @param minIslandSize      smallest island
 * @param seed               seed of the permutations
 * @param islands            every island
 */
public record ContrastSummary(
        @JsonProperty("label") String label,
        @JsonProperty("on") List<String> on,
        @JsonProperty("off") List<String> off,
        @JsonProperty("region") String region,
        @JsonProperty("kind") String kind,
        @JsonProperty("n_on") int nOn,
        @JsonProperty("n_off") int nOff,
        @JsonProperty("n_significant") int nSignificant,
        @JsonProperty("island_morans_i") double islandMoransI,
        @JsonProperty("n_islands") int nIslands,
        @JsonProperty("n_significant_islands") int nSignificantIslands,
        @JsonProperty("n_components") int nComponents,
        @JsonProperty("peak") Peak peak,
        @JsonProperty("n_significant_by_region") Map<String, Integer> nSignificantByRegion,
        @JsonProperty("n_significant_by_layer") Map<String, int[]> nSignificantByLayer,
        @JsonProperty("fwhm") double fwhm,
        @JsonProperty("q_threshold") double qThreshold,
        @JsonProperty("permutations") int permutations,
        @JsonProperty("min_island_size") int minIslandSize,
        @JsonProperty("seed") long seed,
        @JsonProperty("islands") List<Island> islands) {

    /** Where the t map peaks inside the region: cell, (stack, layer, channel), t, q and whether it is significant. */
    public record Peak(@JsonProperty("row") int row, @JsonProperty("col") int col, @JsonProperty("stack") String stack,
                       @JsonProperty("layer") int layer, @JsonProperty("channel") int channel, @JsonProperty("t") double t,
                       @JsonProperty("q") double q, @JsonProperty("significant") boolean significant) {}

    /** One island: its size, Moran's I and permutation p, centroid and peak t. */
    public record Island(@JsonProperty("size") int size, @JsonProperty("morans_i") double moransI, @JsonProperty("p_sim") double pSim,
                         @JsonProperty("centroid_row") double centroidRow, @JsonProperty("centroid_col") double centroidCol,
                         @JsonProperty("peak_t") double peakT) {}
}
