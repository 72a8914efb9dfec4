package org.topoomni.stats;

/**
 * Per-unit result of a one-way ANOVA across k conditions.
 *
 * @param f          F statistic per unit
 * @param p          p-value per unit, P(F' &gt; F) with (dfBetween, dfWithin) degrees of freedom
 * @param dfBetween  k - 1
 * @param dfWithin   N - k
 * @param groupMeans k x nUnits mean response per condition
 */
public record AnovaResult(double[] f, double[] p, int dfBetween, int dfWithin, double[][] groupMeans) {

    /** Number of units. */
    public int units() {
        return f.length;
    }

    /** Benjamini–Hochberg q-values of the p-values. */
    public double[] q() {
        return FDR.benjaminiHochberg(p);
    }

    /**
     * The preferred condition per unit (index of the largest group mean; the first on ties), the
     * map drawn for retinotopy (polar angle / eccentricity) and tonotopy (best frequency).
     */
    public int[] preferredGroup() {
        int n = f.length;
        int[] best = new int[n];
        for (int u = 0; u < n; u++) {
            int b = 0;
            double m = groupMeans[0][u];
            for (int g = 1; g < groupMeans.length; g++) {
                if (groupMeans[g][u] > m) {
                    m = groupMeans[g][u];
                    b = g;
                }
            }
            best[u] = b;
        }
        return best;
    }
}
