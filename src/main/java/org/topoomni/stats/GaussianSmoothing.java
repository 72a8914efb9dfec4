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
 * in parallel (the hot path, 200 stimuli x 155,648 units) in float32 arithmetic with the
 * symmetric taps paired, so the JIT vectorises it; it agrees with the float64 path to about
 * 1e-7 relative to the map's scale (scipy accumulates float32 input in float64, which differs
 * from this by float32 rounding only).
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
        float[] wf = new float[w.length];
        for (int i = 0; i < w.length; i++) wf[i] = (float) w[i];
        int threads = ForkJoinPool.getCommonPoolParallelism();
        int chunks = Math.min(nMaps, Math.max(1, threads) * 4);
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int m0 = (int) ((long) nMaps * chunk / chunks), m1 = (int) ((long) nMaps * (chunk + 1) / chunks);
            Scratch scratch = new Scratch(rows, cols, r);
            for (int m = m0; m < m1; m++) smoothMap(maps, m * (int) cells, rows, cols, wf, r, scratch);
        });
    }

    /**
     * Per-thread scratch for one map. Every inner loop reads and writes distinct arrays at the
     * same index c, the only shape JDK 17's C2 auto-vectorises (with a loop-invariant offset
     * into an array of the same type it cannot rule out aliasing and stays scalar, 5-8x slower).
     */
    private static final class Scratch {
        final float[][] in;        // the map's rows, copied
        final float[] acc;         // one output row
        final float[] pad;         // one edge-padded row
        final float[][] shifted;   // shifted[j][c] = pad[c + j]
        final float[][] lo, hi;    // the rows (or shifted copies) at distance k below / above

        Scratch(int rows, int cols, int r) {
            lo = new float[r + 1][];
            hi = new float[r + 1][];
            in = new float[rows][cols];
            acc = new float[cols];
            pad = new float[cols + 2 * r];
            shifted = new float[2 * r + 1][cols];
        }
    }

    private static void smoothMap(float[] maps, int off, int rows, int cols, float[] w, int r, Scratch s) {
        float[][] in = s.in;
        float[] acc = s.acc, pad = s.pad;
        float[][] sh = s.shifted, lo = s.lo, hi = s.hi;
        for (int row = 0; row < rows; row++) System.arraycopy(maps, off + row * cols, in[row], 0, cols);
        for (int row = 0; row < rows; row++) {
            // axis 0: acc = w[r] * in[row] + sum_k w[r+k] * (in[clamp(row - k)] + in[clamp(row + k)])
            for (int k = 1; k <= r; k++) {
                lo[k] = in[Math.max(0, row - k)];
                hi[k] = in[Math.min(rows - 1, row + k)];
            }
            combine(acc, in[row], lo, hi, w, r, cols);
            // axis 1 on the edge-padded row, through shifted copies sh[j][c] = pad[c + j]
            float first = acc[0], last = acc[cols - 1];
            for (int i = 0; i < r; i++) {
                pad[i] = first;
                pad[r + cols + i] = last;
            }
            System.arraycopy(acc, 0, pad, r, cols);
            for (int j = 0; j < sh.length; j++) System.arraycopy(pad, j, sh[j], 0, cols);
            for (int k = 1; k <= r; k++) {
                lo[k] = sh[r - k];
                hi[k] = sh[r + k];
            }
            combine(acc, sh[r], lo, hi, w, r, cols);
            System.arraycopy(acc, 0, maps, off + row * cols, cols);
        }
    }

    /**
     * acc[c] = w[r] * centre[c] + sum_{k=1..r} w[r+k] * (lo[k][c] + hi[k][c]), up to three tap
     * pairs per sweep over acc.
     */
    private static void combine(float[] acc, float[] centre, float[][] lo, float[][] hi, float[] w, int r, int n) {
        float w0 = w[r];
        int k;
        if (r >= 2) {
            float[] l1 = lo[1], h1 = hi[1], l2 = lo[2], h2 = hi[2];
            float w1 = w[r + 1], w2 = w[r + 2];
            for (int c = 0; c < n; c++) acc[c] = w0 * centre[c] + w1 * (l1[c] + h1[c]) + w2 * (l2[c] + h2[c]);
            k = 3;
        } else if (r == 1) {
            float[] l1 = lo[1], h1 = hi[1];
            float w1 = w[r + 1];
            for (int c = 0; c < n; c++) acc[c] = w0 * centre[c] + w1 * (l1[c] + h1[c]);
            k = 2;
        } else {
            for (int c = 0; c < n; c++) acc[c] = w0 * centre[c];
            k = 1;
        }
        for (; k + 2 <= r; k += 3) {
            float[] l1 = lo[k], h1 = hi[k], l2 = lo[k + 1], h2 = hi[k + 1], l3 = lo[k + 2], h3 = hi[k + 2];
            float w1 = w[r + k], w2 = w[r + k + 1], w3 = w[r + k + 2];
            for (int c = 0; c < n; c++) acc[c] += w1 * (l1[c] + h1[c]) + w2 * (l2[c] + h2[c]) + w3 * (l3[c] + h3[c]);
        }
        for (; k <= r; k++) {
            float[] l1 = lo[k], h1 = hi[k];
            float w1 = w[r + k];
            for (int c = 0; c < n; c++) acc[c] += w1 * (l1[c] + h1[c]);
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
