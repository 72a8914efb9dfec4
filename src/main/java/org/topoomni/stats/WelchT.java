package org.topoomni.stats;

/**
 * Per-unit Welch t-test (unequal variances) of ON against OFF samples of a response matrix,
 * equivalent to {@code scipy.stats.ttest_ind(on, off, equal_var=False)} per unit, with the
 * one-sided ({@code alternative='greater'}) and two-sided p-values, plus Cohen's d with the
 * pooled standard deviation (ddof 1).
 *
 * <p>Data convention: a flat row-major {@code float[]} of nSamples x nUnits (sample-major); the
 * ON and OFF groups are given as row indices. A row may appear more than once within a group
 * (it is then counted that many times, as in a bootstrap) but not in both groups. Each group
 * needs at least 2 samples.
 *
 * <p>Degenerate units (both groups with zero variance, e.g. dead units): when the two means are
 * equal, t, df, both p-values and d are NaN (scipy gives NaN t as well; {@link FDR} treats a NaN
 * p as 1 and a NaN t is never "t &gt; 0"). When the means differ, t and d are +-Infinity, df is
 * nOn + nOff - 2 (the Welch formula is 0/0), pGreater is 0 or 1 and the two-sided p is 0: the
 * groups are perfectly separated.
 */
public final class WelchT {

    private WelchT() {
    }

    /**
     * Welch t-test per unit of {@code data[onRows]} against {@code data[offRows]}.
     *
     * @param data    nSamples x nUnits responses, sample-major
     * @param nUnits  number of units (columns)
     * @param onRows  sample indices of the ON condition (at least 2)
     * @param offRows sample indices of the OFF condition (at least 2)
     */
    public static WelchResult welch(float[] data, int nUnits, int[] onRows, int[] offRows) {
        if (data == null) throw new IllegalArgumentException("response matrix is missing (null)");
        int nSamples = Checks.samples(data.length, nUnits, "Welch t");
        checkGroups(onRows, offRows, nSamples);
        Arrays a = new Arrays(nUnits);
        Descriptives.forBlocks(nUnits, (u0, u1) -> {
            Descriptives.meanVar(data, nUnits, onRows, u0, u1, a.meanOn, a.varOn, true);
            Descriptives.meanVar(data, nUnits, offRows, u0, u1, a.meanOff, a.varOff, true);
            finish(a, onRows.length, offRows.length, u0, u1);
        });
        return a.result(onRows.length, offRows.length);
    }

    /**
     * Welch t-test per unit for data already split into groups.
     *
     * @param on  ON samples x units
     * @param off OFF samples x units (same number of units)
     */
    public static WelchResult welch(double[][] on, double[][] off) {
        int nUnits = Checks.matrix(on, 2, "ON");
        int nUnitsOff = Checks.matrix(off, 2, "OFF");
        if (nUnits != nUnitsOff) {
            throw new IllegalArgumentException("ON samples have " + nUnits + " units but OFF samples have " + nUnitsOff);
        }
        double[] flatOn = Checks.flatten(on), flatOff = Checks.flatten(off);
        int[] onRows = Checks.range(0, on.length), offRows = Checks.range(0, off.length);
        Arrays a = new Arrays(nUnits);
        Descriptives.forBlocks(nUnits, (u0, u1) -> {
            Descriptives.meanVar(flatOn, nUnits, onRows, u0, u1, a.meanOn, a.varOn, true);
            Descriptives.meanVar(flatOff, nUnits, offRows, u0, u1, a.meanOff, a.varOff, true);
            finish(a, on.length, off.length, u0, u1);
        });
        return a.result(on.length, off.length);
    }

    /**
     * Cohen's d with the pooled standard deviation (ddof 1):
     * (mean1 - mean2) / sqrt(((n1 - 1) var1 + (n2 - 1) var2) / (n1 + n2 - 2)).
     */
    public static double cohensD(double mean1, double var1, int n1, double mean2, double var2, int n2) {
        if (n1 + n2 <= 2) throw new IllegalArgumentException("Cohen's d needs n1 + n2 > 2, got " + n1 + " + " + n2);
        double pooled = ((n1 - 1) * var1 + (n2 - 1) * var2) / (n1 + n2 - 2);
        return (mean1 - mean2) / Math.sqrt(pooled);
    }

    private static void checkGroups(int[] onRows, int[] offRows, int nSamples) {
        Checks.rows(onRows, nSamples, 2, "ON");
        Checks.rows(offRows, nSamples, 2, "OFF");
        boolean[] isOn = new boolean[nSamples];
        for (int r : onRows) isOn[r] = true;
        for (int r : offRows) {
            if (isOn[r]) throw new IllegalArgumentException("row " + r + " is in both the ON and the OFF group");
        }
    }

    private static void finish(Arrays a, int nOn, int nOff, int u0, int u1) {
        for (int u = u0; u < u1; u++) {
            double mOn = a.meanOn[u], mOff = a.meanOff[u];
            double vOn = a.varOn[u], vOff = a.varOff[u];
            double sOn = vOn / nOn, sOff = vOff / nOff;
            double se2 = sOn + sOff;
            double diff = mOn - mOff;
            a.cohenD[u] = cohensD(mOn, vOn, nOn, mOff, vOff, nOff);
            if (se2 == 0.0 || Double.isNaN(se2)) {
                if (diff == 0.0 || Double.isNaN(diff) || Double.isNaN(se2)) {
                    a.t[u] = a.df[u] = a.pGreater[u] = a.pTwoSided[u] = a.cohenD[u] = Double.NaN;
                } else {
                    a.t[u] = diff > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                    a.df[u] = nOn + nOff - 2;
                    a.pGreater[u] = diff > 0 ? 0.0 : 1.0;
                    a.pTwoSided[u] = 0.0;
                }
                continue;
            }
            double t = diff / Math.sqrt(se2);
            double df = se2 * se2 / (sOn * sOn / (nOn - 1) + sOff * sOff / (nOff - 1));
            double tail = StudentT.upperTail(Math.abs(t), df);
            a.t[u] = t;
            a.df[u] = df;
            a.pGreater[u] = t >= 0 ? tail : 1.0 - tail;
            a.pTwoSided[u] = Math.min(1.0, 2.0 * tail);
        }
    }

    /** The output arrays, filled block by block. */
    private static final class Arrays {
        final double[] t, df, pGreater, pTwoSided, cohenD, meanOn, meanOff, varOn, varOff;

        Arrays(int n) {
            t = new double[n];
            df = new double[n];
            pGreater = new double[n];
            pTwoSided = new double[n];
            cohenD = new double[n];
            meanOn = new double[n];
            meanOff = new double[n];
            varOn = new double[n];
            varOff = new double[n];
        }

        WelchResult result(int nOn, int nOff) {
            return new WelchResult(t, df, pGreater, pTwoSided, cohenD, meanOn, meanOff, varOn, varOff, nOn, nOff);
        }
    }
}
