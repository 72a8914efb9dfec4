package org.topoomni.stats;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Gaussian smoothing of maps on the sheet grid with the semantics of
 * {@code scipy.ndimage.gaussian_filter(grid, sigma, truncate=3.0, mode='nearest')}:
 * sigma = FWHM / sqrt(8 ln 2); a normalised kernel exp(-x^2 / (2 sigma^2)) of radius
 * {@code int(truncate * sigma + 0.5)}; edges extended with the nearest cell; separable, applied
 * along axis 0 (down the columns) and then along axis 1 (along the rows), as scipy does.
 *
 * <p>Grids are flat row-major arrays (cell = row * cols + col). {@link #smooth} filters one
 * float64 grid; {@link #smoothInPlace} filters every map of a nMaps x (rows*cols) float matrix
 * in parallel (the hot path, 200 stimuli x 155,648 units), accumulating in float64 and rounding
 * to float32 after each axis, as scipy does for float32 input.
 */
public final class GaussianSmoothing {

    /** scipy's default truncation, in standard deviations. */
    public static final double DEFAULT_TRUNCATE = 3.0;

    private static final double FWHM_PER_SIGMA = Math.sqrt(8.0 * Math.log(2.0));
    private static final int PARALLEL_CELLS = 1 << 16;

    private GaussianSmoothing() {
    }

    /** sigma = FWHM / sqrt(8 ln 2). */
    public static double sigmaForFwhm(double fwhm) {
        if (!(fwhm > 0) || Double.isInfinite(fwhm)) throw new IllegalArgumentException("FWHM must be finite and positive, got " + fwhm);
        return fwhm / FWHM_PER_SIGMA;
    }

    /** Kernel radius as scipy computes it: int(truncate * sigma + 0.5). */
    public static int radius(double sigma, double truncate) {
        checkSigma(sigma, truncate);
        return (int) (truncate * sigma + 0.5);
    }

    /** The normalised kernel of length 2 * radius + 1 (scipy.ndimage._gaussian_kernel1d, order 0). */
    public static double[] kernel(double sigma, double truncate) {
        int r = radius(sigma, truncate);
        double[] w = new double[2 * r + 1];
        double c = -0.5 / (sigma * sigma);
        double sum = 0;
        for (int i = -r; i <= r; i++) sum += w[i + r] = Math.exp(c * i * i);
        for (int i = 0; i < w.length; i++) w[i] /= sum;
        return w;
    }

    /** Smooths one grid at the given FWHM (grid units), truncated at 3 sigma; returns a new array. */
    public static double[] smooth(double[] grid, int rows, int cols, double fwhm) {
        return smoothSigma(grid, rows, cols, sigmaForFwhm(fwhm), DEFAULT_TRUNCATE);
    }

    /** Smooths one grid with the given sigma (grid units) and truncation; returns a new array. */
    public static double[] smoothSigma(double[] grid, int rows, int cols, double sigma, double truncate) {
        if (grid == null) throw new IllegalArgumentException("grid is missing (null)");
        Checks.grid(grid.length, rows, cols, "Gaussian smoothing");
        double[] w = kernel(sigma, truncate);
        int r = w.length / 2;
        double[] tmp = new double[grid.length];
        double[] out = new double[grid.length];
        boolean parallel = grid.length >= PARALLEL_CELLS;
        rowRange(rows, parallel, (r0, r1) -> {
            for (int row = r0; row < r1; row++) axis0Row(grid, tmp, row, rows, cols, w, r);
        });
        rowRange(rows, parallel, (r0, r1) -> {
            double[] pad = new double[cols + 2 * r];
            for (int row = r0; row < r1; row++) axis1Row(tmp, out, row * cols, cols, w, r, pad);
        });
        return out;
    }

    /**
     * Smooths, in place, every map of a nMaps x (rows * cols) sample-major float matrix at the
     * given FWHM (grid units), truncated at 3 sigma. Parallel over maps.
     */
    public static void smoothInPlace(float[] maps, int nMaps, int rows, int cols, double fwhm) {
        smoothInPlaceSigma(maps, nMaps, rows, cols, sigmaForFwhm(fwhm), DEFAULT_TRUNCATE);
    }

    /** As {@link #smoothInPlace(float[], int, int, int, double)} with sigma and truncation given. */
    public static void smoothInPlaceSigma(float[] maps, int nMaps, int rows, int cols, double sigma, double truncate) {
        if (maps == null) throw new IllegalArgumentException("maps are missing (null)");
        if (nMaps <= 0) throw new IllegalArgumentException("number of maps must be positive, got " + nMaps);
        if (rows <= 0 || cols <= 0) throw new IllegalArgumentException("grid must have positive rows and cols, got " + rows + " x " + cols);
        long cells = (long) rows * cols;
        if (cells * nMaps != maps.length) {
            throw new IllegalArgumentException("nMaps*rows*cols = " + nMaps + "*" + rows + "*" + cols + " = " + (cells * nMaps)
                    + " does not match the array length " + maps.length);
        }
        double[] w = kernel(sigma, truncate);
        int r = w.length / 2;
        int threads = ForkJoinPool.getCommonPoolParallelism();
        int chunks = Math.min(nMaps, Math.max(1, threads) * 4);
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int m0 = (int) ((long) nMaps * chunk / chunks), m1 = (int) ((long) nMaps * (chunk + 1) / chunks);
            float[] tmp = new float[(int) cells];
            double[] acc = new double[cols];
            double[] pad = new double[cols + 2 * r];
            for (int m = m0; m < m1; m++) smoothMap(maps, m * (int) cells, rows, cols, w, r, tmp, acc, pad);
        });
    }

    private static void smoothMap(float[] maps, int off, int rows, int cols, double[] w, int r, float[] tmp, double[] acc, double[] pad) {
        // axis 0: tmp[row] = sum_k w[k] * map[clamp(row + k - r)]
        for (int row = 0; row < rows; row++) {
            java.util.Arrays.fill(acc, 0.0);
            for (int k = 0; k < w.length; k++) {
                int src = Math.min(rows - 1, Math.max(0, row + k - r));
                int base = off + src * cols;
                double wk = w[k];
                for (int c = 0; c < cols; c++) acc[c] += wk * maps[base + c];
            }
            int dst = row * cols;
            for (int c = 0; c < cols; c++) tmp[dst + c] = (float) acc[c];
        }
        // axis 1: map[row][c] = sum_k w[k] * tmp[row][clamp(c + k - r)]
        for (int row = 0; row < rows; row++) {
            int base = row * cols;
            float first = tmp[base], last = tmp[base + cols - 1];
            for (int i = 0; i < r; i++) {
                pad[i] = first;
                pad[r + cols + i] = last;
            }
            for (int c = 0; c < cols; c++) pad[r + c] = tmp[base + c];
            java.util.Arrays.fill(acc, 0.0);
            for (int k = 0; k < w.length; k++) {
                double wk = w[k];
                for (int c = 0; c < cols; c++) acc[c] += wk * pad[c + k];
            }
            int dst = off + base;
            for (int c = 0; c < cols; c++) maps[dst + c] = (float) acc[c];
        }
    }

    private static void axis0Row(double[] in, double[] out, int row, int rows, int cols, double[] w, int r) {
        int dst = row * cols;
        for (int k = 0; k < w.length; k++) {
            int src = Math.min(rows - 1, Math.max(0, row + k - r)) * cols;
            double wk = w[k];
            for (int c = 0; c < cols; c++) out[dst + c] += wk * in[src + c];
        }
    }

    private static void axis1Row(double[] in, double[] out, int base, int cols, double[] w, int r, double[] pad) {
        double first = in[base], last = in[base + cols - 1];
        for (int i = 0; i < r; i++) {
            pad[i] = first;
            pad[r + cols + i] = last;
        }
        System.arraycopy(in, base, pad, r, cols);
        for (int k = 0; k < w.length; k++) {
            double wk = w[k];
            for (int c = 0; c < cols; c++) out[base + c] += wk * pad[c + k];
        }
    }

    private interface RowBlock {
        void run(int r0, int r1);
    }

    private static void rowRange(int rows, boolean parallel, RowBlock block) {
        if (!parallel) {
            block.run(0, rows);
            return;
        }
        int blocks = Math.min(rows, ForkJoinPool.getCommonPoolParallelism() * 4 + 1);
        IntStream.range(0, blocks).parallel().forEach(b -> block.run(rows * b / blocks, rows * (b + 1) / blocks));
    }

    private static void checkSigma(double sigma, double truncate) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) throw new IllegalArgumentException("sigma must be finite and positive, got " + sigma);
        if (!(truncate > 0) || Double.isInfinite(truncate)) {
            throw new IllegalArgumentException("truncate must be finite and positive, got " + truncate);
        }
    }
}
