package org.topoomni.stats;

/**
 * Global Moran's I with permutation inference, named as in esda.Moran.
 *
 * @param i            observed Moran's I
 * @param expectedI    E[I] = -1 / (n - 1) under no spatial autocorrelation (esda {@code EI})
 * @param pSim         permutation p-value (esda {@code p_sim}); NaN without permutations
 * @param permutations number of permutations
 * @param meanSim      mean of the permuted I (esda {@code EI_sim}); NaN without permutations
 * @param sdSim        standard deviation (ddof 0) of the permuted I (esda {@code seI_sim})
 * @param zSim         (I - meanSim) / sdSim (esda {@code z_sim})
 * @param n            number of cells
 */
public record MoranResult(double i, double expectedI, double pSim, int permutations, double meanSim, double sdSim, double zSim, int n) {
}
