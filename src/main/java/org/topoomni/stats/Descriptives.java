package org.topoomni.stats;

import java.util.stream.IntStream;

/**
 * Per-unit (column) mean and variance over a chosen set of samples (rows) of a flat sample-major
 * response matrix, like numpy's {@code data[rows].mean(axis=0)} and {@code var(axis=0, ddof=1)}.
 * Two-pass (mean first, then squared deviations) in float64, so the variance of large-mean
 * responses keeps its precision. Parallel over blocks of units.
 */
public final class Descriptives {

    /** Units per parallel block: small enough to keep the accumulators in cache. */
    static final int BLOCK = 2048;

    private Descriptives() {
    }

    /** Column means over the given rows of a {@code nSamples x nUnits} float matrix. */
    public static double[] columnMeans(float[] data, int nUnits, int[] rows) {
        int nSamples = Checks.samples(data.length, nUnits, "columnMeans");
        Checks.rows(rows, nSamples, 1, "selected");
        double[] mean = new double[nUnits];
        double[] var = new double[nUnits];
        forBlocks(nUnits, (u0, u1) -> meanVar(data, nUnits, rows, u0, u1, mean, var, false));
        return mean;
    }

    /** Column variances (ddof 1) over the given rows (at least 2) of a {@code nSamples x nUnits} float matrix. */
    public static double[] columnVariances(float[] data, int nUnits, int[] rows) {
        int nSamples = Checks.samples(data.length, nUnits, "columnVariances");
        Checks.rows(rows, nSamples, 2, "selected");
        double[] mean = new double[nUnits];
        double[] var = new double[nUnits];
        forBlocks(nUnits, (u0, u1) -> meanVar(data, nUnits, rows, u0, u1, mean, var, true));
        return var;
    }

    interface Block {
        void run(int u0, int u1);
    }

    /** Runs {@code block} over [0, n) in blocks of {@link #BLOCK}, in parallel when there is more than one. */
    static void forBlocks(int n, Block block) {
        int nBlocks = (n + BLOCK - 1) / BLOCK;
        if (nBlocks <= 1) {
            block.run(0, n);
            return;
        }
        IntStream.range(0, nBlocks).parallel().forEach(b -> block.run(b * BLOCK, Math.min(n, (b + 1) * BLOCK)));
    }

    /**
     * Mean and (ddof 1) variance of units [u0, u1) over {@code rows}, written into
     * {@code mean[u]} and {@code var[u]}; variance only when {@code withVariance}.
     */
    static void meanVar(float[] data, int nUnits, int[] rows, int u0, int u1, double[] mean, double[] var, boolean withVariance) {
        int w = u1 - u0;
        double[] acc = new double[w];
        for (int r : rows) {
            int base = r * nUnits + u0;
            for (int i = 0; i < w; i++) acc[i] += data[base + i];
        }
        int n = rows.length;
        for (int i = 0; i < w; i++) mean[u0 + i] = acc[i] / n;
        if (!withVariance) return;
        java.util.Arrays.fill(acc, 0.0);
        for (int r : rows) {
            int base = r * nUnits + u0;
            for (int i = 0; i < w; i++) {
                double d = data[base + i] - mean[u0 + i];
                acc[i] += d * d;
            }
        }
        for (int i = 0; i < w; i++) var[u0 + i] = acc[i] / (n - 1);
    }

    /** The same for a double matrix. */
    static void meanVar(double[] data, int nUnits, int[] rows, int u0, int u1, double[] mean, double[] var, boolean withVariance) {
        int w = u1 - u0;
        double[] acc = new double[w];
        for (int r : rows) {
            int base = r * nUnits + u0;
            for (int i = 0; i < w; i++) acc[i] += data[base + i];
        }
        int n = rows.length;
        for (int i = 0; i < w; i++) mean[u0 + i] = acc[i] / n;
        if (!withVariance) return;
        java.util.Arrays.fill(acc, 0.0);
        for (int r : rows) {
            int base = r * nUnits + u0;
            for (int i = 0; i < w; i++) {
                double d = data[base + i] - mean[u0 + i];
                acc[i] += d * d;
            }
        }
        for (int i = 0; i < w; i++) var[u0 + i] = acc[i] / (n - 1);
    }
}
