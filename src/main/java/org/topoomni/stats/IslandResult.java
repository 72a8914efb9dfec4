package org.topoomni.stats;

import java.util.List;

/**
 * Result of an island Moran's I analysis ({@link IslandMoransI}).
 *
 * @param components          every queen-connected component of the significant cells, in
 *                            scipy.ndimage.label order, kept or skipped
 * @param meanI               mean Moran's I over the kept islands (NaN when there are none)
 * @param nComponents         number of components, skipped ones included
 * @param nIslands            number of kept islands (components of at least minSize cells)
 * @param nSignificantIslands number of kept islands with p_sim &lt; {@link IslandMoransI#ALPHA}
 * @param minSize             smallest component kept
 * @param permutations        permutations per island
 * @param seed                seed of the permutations
 */
public record IslandResult(List<Island> components, double meanI, int nComponents, int nIslands, int nSignificantIslands,
                           int minSize, int permutations, long seed) {

    /** The kept islands only, in label order. */
    public List<Island> islands() {
        return components.stream().filter(c -> !c.skipped()).toList();
    }

    /**
     * One connected component of significant cells.
     *
     * @param label       its scipy.ndimage.label number (1-based)
     * @param size        number of cells
     * @param skipped     true when smaller than minSize (then I and p are NaN)
     * @param moranI      Moran's I of the values within the component (row-standardised queen
     *                    weights among its own cells)
     * @param pSim        permutation p-value of I (NaN when skipped or without permutations)
     * @param centroidRow mean row of its cells
     * @param centroidCol mean column of its cells
     * @param minRow      bounding box, inclusive
     * @param minCol      bounding box, inclusive
     * @param maxRow      bounding box, inclusive
     * @param maxCol      bounding box, inclusive
     * @param peakCell    the cell (row-major index) with the largest value
     * @param peakValue   the largest value
     */
    public record Island(int label, int size, boolean skipped, double moranI, double pSim,
                         double centroidRow, double centroidCol, int minRow, int minCol, int maxRow, int maxCol,
                         int peakCell, double peakValue) {
    }
}
