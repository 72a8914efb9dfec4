package org.topoomni.map;

/** Pearson and Spearman correlation of two profiles (scipy.stats.pearsonr / spearmanr statistics). */
public final class Correlation {

    private Correlation() {
    }

    /** Pearson r; NaN when fewer than 2 pairs or a profile is constant. */
    public static double pearson(double[] a, double[] b) {
        check(a, b);
        int n = a.length;
        if (n < 2) return Double.NaN;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) return Double.NaN;
        return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
    }

    /** Spearman rho: Pearson r of the ranks, ties given their average rank. */
    public static double spearman(double[] a, double[] b) {
        check(a, b);
        return pearson(ranks(a), ranks(b));
    }

    /** Ranks 1..n, ties averaged (scipy.stats.rankdata 'average'). */
    public static double[] ranks(double[] x) {
        int n = x.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (i, j) -> Double.compare(x[i], x[j]));
        double[] r = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && x[idx[j + 1]] == x[idx[i]]) j++;
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) r[idx[k]] = avg;
            i = j + 1;
        }
        return r;
    }

    private static void check(double[] a, double[] b) {
        if (a == null || b == null) throw new IllegalArgumentException("profile is missing (null)");
        if (a.length != b.length) throw new IllegalArgumentException("profiles have different lengths: " + a.length + " and " + b.length);
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) throw new IllegalArgumentException("profiles must be finite (entry " + i + ")");
        }
    }
}
