package org.topoomni.stats;

import java.util.Arrays;

/**
 * False discovery rate control across units.
 *
 * <p>{@link #benjaminiHochberg(double[])} returns Benjamini–Hochberg adjusted p-values
 * ("q-values"), as {@code scipy.stats.false_discovery_control(p, method='bh')} or
 * {@code statsmodels.stats.multitest.multipletests(p, method='fdr_bh')[1]}:
 * q_(i) = min over j &gt;= i of (n / j) p_(j) for the p-values in ascending order, capped at 1.
 * A unit is significant at FDR level alpha when q &lt; alpha (nilearn's fdr threshold).
 *
 * <p>NaN p-values (undefined tests, e.g. dead units) are treated as p = 1: they count in n,
 * never become significant and get q = 1. O(n log n).
 */
public final class FDR {

    private FDR() {
    }

    /**
     * Benjamini–Hochberg q-values.
     *
     * @param p p-values in [0, 1], or NaN (treated as 1)
     * @return q-values, one per p, in the same order
     */
    public static double[] benjaminiHochberg(double[] p) {
        if (p == null) throw new IllegalArgumentException("p-values are missing (null)");
        int n = p.length;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            double v = p[i];
            if (Double.isNaN(v)) v = 1.0;
            else if (!(v >= 0.0 && v <= 1.0)) {
                throw new IllegalArgumentException("p-value at index " + i + " is " + p[i] + ", outside [0, 1]");
            }
            sorted[i] = v == 0.0 ? 0.0 : v;   // fold -0.0 into 0.0
        }
        double[] clean = sorted.clone();
        if (n > 1 << 15) Arrays.parallelSort(sorted);
        else Arrays.sort(sorted);
        // adjusted[k] = min over j >= k of p_(j) * n / (j + 1), capped at 1
        double[] adjusted = new double[n];
        double running = 1.0;
        for (int k = n - 1; k >= 0; k--) {
            double v = sorted[k] * n / (k + 1);
            if (v < running) running = v;
            adjusted[k] = running;
        }
        // tied p-values share one q (the one at the end of their run), so any match will do
        double[] q = new double[n];
        for (int i = 0; i < n; i++) q[i] = adjusted[Arrays.binarySearch(sorted, clean[i])];
        return q;
    }

    /** Units with q &lt; alpha. */
    public static boolean[] significant(double[] q, double alpha) {
        if (q == null) throw new IllegalArgumentException("q-values are missing (null)");
        if (!(alpha > 0 && alpha <= 1)) throw new IllegalArgumentException("FDR level alpha must be in (0, 1], got " + alpha);
        boolean[] s = new boolean[q.length];
        for (int i = 0; i < q.length; i++) s[i] = q[i] < alpha;
        return s;
    }
}
