package org.topoomni.stats;

/**
 * Per-unit one-way ANOVA across k groups of samples, equivalent to
 * {@code scipy.stats.f_oneway(*groups, axis=0)}: F = (SS_between / (k - 1)) / (SS_within / (N - k)),
 * p = P(F' &gt; F). Used for retinotopy (wedges/rings) and tonotopy (tone frequencies).
 *
 * <p>Each group needs at least one sample and N &gt; k. A unit with zero within-group variance
 * gets F = +Infinity and p = 0 when its group means differ, and F = p = NaN when they do not
 * (scipy returns inf / nan there too; {@link FDR} treats a NaN p as 1).
 */
public final class Anova {

    private Anova() {
    }

    /**
     * One-way ANOVA per unit over groups of rows of a flat sample-major response matrix.
     *
     * @param data   nSamples x nUnits responses, sample-major
     * @param nUnits number of units (columns)
     * @param groups row indices of each group (condition); at least 2 groups
     */
    public static AnovaResult oneWay(float[] data, int nUnits, int[][] groups) {
        if (data == null) throw new IllegalArgumentException("response matrix is missing (null)");
        int nSamples = Checks.samples(data.length, nUnits, "ANOVA");
        checkGroupCount(groups == null ? 0 : groups.length);
        for (int g = 0; g < groups.length; g++) Checks.rows(groups[g], nSamples, 1, "group " + g);
        int k = groups.length;
        double[][] means = new double[k][nUnits];
        double[][] vars = new double[k][nUnits];
        int[] sizes = new int[k];
        int total = 0;
        for (int g = 0; g < k; g++) total += sizes[g] = groups[g].length;
        checkTotal(total, k);
        AnovaResult r = new AnovaResult(new double[nUnits], new double[nUnits], k - 1, total - k, means);
        Descriptives.forBlocks(nUnits, (u0, u1) -> {
            for (int g = 0; g < k; g++) {
                Descriptives.meanVar(data, nUnits, groups[g], u0, u1, means[g], vars[g], sizes[g] > 1);
            }
            finish(r, vars, sizes, u0, u1);
        });
        return r;
    }

    /**
     * One-way ANOVA per unit for data already split into groups.
     *
     * @param groups each a samples x units matrix, all with the same number of units
     */
    public static AnovaResult oneWay(double[][]... groups) {
        checkGroupCount(groups == null ? 0 : groups.length);
        int k = groups.length;
        int nUnits = Checks.matrix(groups[0], 1, "group 0");
        double[][] flat = new double[k][];
        int[][] rows = new int[k][];
        int[] sizes = new int[k];
        int total = 0;
        for (int g = 0; g < k; g++) {
            int nu = Checks.matrix(groups[g], 1, "group " + g);
            if (nu != nUnits) throw new IllegalArgumentException("group " + g + " has " + nu + " units, group 0 has " + nUnits);
            flat[g] = Checks.flatten(groups[g]);
            rows[g] = Checks.range(0, groups[g].length);
            total += sizes[g] = groups[g].length;
        }
        checkTotal(total, k);
        double[][] means = new double[k][nUnits];
        double[][] vars = new double[k][nUnits];
        AnovaResult r = new AnovaResult(new double[nUnits], new double[nUnits], k - 1, total - k, means);
        Descriptives.forBlocks(nUnits, (u0, u1) -> {
            for (int g = 0; g < k; g++) {
                Descriptives.meanVar(flat[g], nUnits, rows[g], u0, u1, means[g], vars[g], sizes[g] > 1);
            }
            finish(r, vars, sizes, u0, u1);
        });
        return r;
    }

    private static void checkGroupCount(int k) {
        if (k < 2) throw new IllegalArgumentException("one-way ANOVA needs at least 2 groups, got " + k);
    }

    private static void checkTotal(int total, int k) {
        if (total <= k) {
            throw new IllegalArgumentException("one-way ANOVA needs more samples than groups, got " + total + " samples in " + k + " groups");
        }
    }

    private static void finish(AnovaResult r, double[][] vars, int[] sizes, int u0, int u1) {
        int k = sizes.length;
        double[][] means = r.groupMeans();
        int total = r.dfWithin() + k;
        for (int u = u0; u < u1; u++) {
            double grand = 0;
            for (int g = 0; g < k; g++) grand += sizes[g] * means[g][u];
            grand /= total;
            double ssb = 0, ssw = 0;
            for (int g = 0; g < k; g++) {
                double d = means[g][u] - grand;
                ssb += sizes[g] * d * d;
                if (sizes[g] > 1) ssw += (sizes[g] - 1) * vars[g][u];
            }
            double f, p;
            if (ssw == 0.0) {
                f = ssb > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
                p = ssb > 0 ? 0.0 : Double.NaN;
            } else {
                f = (ssb / r.dfBetween()) / (ssw / r.dfWithin());
                p = FisherF.sf(f, r.dfBetween(), r.dfWithin());
            }
            r.f()[u] = f;
            r.p()[u] = p;
        }
    }
}
