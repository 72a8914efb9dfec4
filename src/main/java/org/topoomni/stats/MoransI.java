package org.topoomni.stats;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Global Moran's I of values on grid cells with queen contiguity and row-standardised weights,
 * as {@code esda.Moran(y, w)} with {@code w.transform = 'r'}:
 * I = n / S0 * z'Wz / z'z with z = x - mean(x), E[I] = -1 / (n - 1).
 *
 * <p>Permutation inference (esda's conditional randomisation {@code p_sim}): the values are
 * permuted over the same cells {@code permutations} times; with c the number of permuted I at
 * least as extreme as the observed one on its side of E[I] (I_perm &gt;= I if I &gt;= E[I], else
 * I_perm &lt;= I), p_sim = (c + 1) / (permutations + 1). (esda instead folds to whichever side has
 * fewer permuted values; the two agree whenever the observed I lies on the side of E[I] that the
 * permutation distribution is centred on, which is the usual case.) Permutations run in fixed
 * chunks, each with its own generator split from the caller's in order, so the result depends
 * only on the seed, not on the number of threads. Each permutation costs O(cells * 8).
 *
 * <p>Values are always given as a whole grid (row-major, rows * cols); the weights choose the cells.
 * Constant values (z'z = 0) or a set in which no cell has a neighbour give I = NaN.
 */
public final class MoransI {

    private static final int CHUNK = 64;
    private static final long PARALLEL_WORK = 1L << 18;

    private MoransI() {
    }

    /** E[I] = -1 / (n - 1). */
    public static double expected(int n) {
        if (n < 2) throw new IllegalArgumentException("Moran's I needs at least 2 cells, got " + n);
        return -1.0 / (n - 1);
    }

    /** Moran's I of a whole rows x cols grid (queen, row-standardised). */
    public static double lattice(double[] grid, int rows, int cols) {
        if (grid == null) throw new IllegalArgumentException("grid is missing (null)");
        Checks.grid(grid.length, rows, cols, "Moran's I");
        return statistic(grid, QueenWeights.lattice(rows, cols));
    }

    /** Moran's I of a whole grid with {@code permutations} permutations seeded by {@code seed}. */
    public static MoranResult lattice(double[] grid, int rows, int cols, int permutations, long seed) {
        if (grid == null) throw new IllegalArgumentException("grid is missing (null)");
        Checks.grid(grid.length, rows, cols, "Moran's I");
        return test(grid, QueenWeights.lattice(rows, cols), permutations, new SplittableRandom(seed));
    }

    /**
     * Moran's I of the grid values restricted to {@code cells} (e.g. one connected component):
     * queen weights among those cells only, row-standardised, with permutation inference.
     */
    public static MoranResult ofCells(double[] grid, int rows, int cols, int[] cells, int permutations, long seed) {
        if (grid == null) throw new IllegalArgumentException("grid is missing (null)");
        Checks.grid(grid.length, rows, cols, "Moran's I");
        return test(grid, QueenWeights.ofCells(cells, rows, cols), permutations, new SplittableRandom(seed));
    }

    /** Moran's I of the grid values on the cells of {@code w}. */
    public static double statistic(double[] grid, QueenWeights w) {
        double[] z = centred(grid, w);
        double zz = sumOfSquares(z, grid, w);
        return scale(w) * lagProduct(z, w) / zz;
    }

    /**
     * Moran's I of the grid values on the cells of {@code w}, with permutation inference.
     *
     * @param permutations number of permutations (0 for none: p_sim and the simulation summaries are NaN)
     * @param rng          source of the permutations (split, not advanced in place, per chunk)
     */
    public static MoranResult test(double[] grid, QueenWeights w, int permutations, SplittableRandom rng) {
        if (permutations < 0) throw new IllegalArgumentException("number of permutations must be >= 0, got " + permutations);
        if (rng == null) throw new IllegalArgumentException("random generator is missing (null)");
        int n = w.n();
        double ei = expected(n);
        double[] z = centred(grid, w);
        double zz = sumOfSquares(z, grid, w);
        double scale = scale(w);
        double observed = scale * lagProduct(z, w) / zz;
        if (permutations == 0 || Double.isNaN(observed)) {
            return new MoranResult(observed, ei, Double.NaN, permutations, Double.NaN, Double.NaN, Double.NaN, n);
        }
        int chunks = (permutations + CHUNK - 1) / CHUNK;
        SplittableRandom[] rngs = new SplittableRandom[chunks];
        for (int c = 0; c < chunks; c++) rngs[c] = rng.split();
        double[] sims = new double[permutations];
        IntStream range = IntStream.range(0, chunks);
        if ((long) n * permutations >= PARALLEL_WORK && chunks > 1) range = range.parallel();
        range.forEach(c -> {
            double[] perm = z.clone();
            SplittableRandom r = rngs[c];
            int p1 = Math.min(permutations, (c + 1) * CHUNK);
            for (int p = c * CHUNK; p < p1; p++) {
                shuffle(perm, r);
                sims[p] = scale * lagProduct(perm, w) / zz;
            }
        });
        int extreme = 0;
        double sum = 0;
        for (double s : sims) {
            if (observed >= ei ? s >= observed : s <= observed) extreme++;
            sum += s;
        }
        double mean = sum / permutations;
        double ss = 0;
        for (double s : sims) ss += (s - mean) * (s - mean);
        double sd = Math.sqrt(ss / permutations);
        double pSim = (extreme + 1.0) / (permutations + 1.0);
        return new MoranResult(observed, ei, pSim, permutations, mean, sd, (observed - mean) / sd, n);
    }

    /** z = values on the cells of w minus their mean. */
    private static double[] centred(double[] grid, QueenWeights w) {
        if (grid == null) throw new IllegalArgumentException("grid is missing (null)");
        if (w == null) throw new IllegalArgumentException("weights are missing (null)");
        Checks.grid(grid.length, w.rows(), w.cols(), "Moran's I");
        int n = w.n();
        if (n < 2) throw new IllegalArgumentException("Moran's I needs at least 2 cells, got " + n);
        int[] cells = w.cells();
        double[] z = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) sum += z[i] = grid[cells[i]];
        double mean = sum / n;
        for (int i = 0; i < n; i++) z[i] -= mean;
        return z;
    }

    private static double scale(QueenWeights w) {
        int s0 = w.s0();
        return s0 == 0 ? Double.NaN : (double) w.n() / s0;
    }

    /** z'Wz with row-standardised W: sum_i z_i * mean of z over the neighbours of i. */
    static double lagProduct(double[] z, QueenWeights w) {
        int[] off = w.offsets(), nb = w.neighbours();
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            int a = off[i], b = off[i + 1];
            if (a == b) continue;
            double lag = 0;
            for (int k = a; k < b; k++) lag += z[nb[k]];
            s += z[i] * lag / (b - a);
        }
        return s;
    }

    /**
     * z'z, or NaN when the values are constant up to rounding (z'z below 1e-26 of the raw sum of
     * squares: the mean itself carries an error of about 1e-16 relative).
     */
    private static double sumOfSquares(double[] z, double[] grid, QueenWeights w) {
        double zz = 0, raw = 0;
        for (double v : z) zz += v * v;
        for (int c : w.cells()) raw += grid[c] * grid[c];
        return zz <= 1e-26 * raw ? Double.NaN : zz;
    }

    private static void shuffle(double[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
