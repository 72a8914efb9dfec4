package org.topoomni.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Island Moran's I (METHOD.md section 5): significant cells are grouped into queen (8-neighbour)
 * connected components ({@code scipy.ndimage.label} order); components smaller than
 * {@code minSize} cells are skipped; for each kept component ("island") Moran's I of the values
 * (the t map) within it is computed with row-standardised queen weights among the island's own
 * cells (as {@code esda.Moran} on a libpysal W restricted to the component), with permutation
 * inference ({@link MoransI}); the result gives the mean I over islands, their number and the
 * number with p_sim &lt; 0.05.
 *
 * <p>Each island draws its permutations from its own generator, split in label order from
 * {@code new SplittableRandom(seed)}, so the result depends only on the seed. Islands are
 * processed in parallel. An island whose values are all equal has I = NaN and is left out of
 * the mean.
 */
public final class IslandMoransI {

    /** Smallest component kept, as in the paper. */
    public static final int DEFAULT_MIN_SIZE = 8;
    /** Permutations per island, as in the paper. */
    public static final int DEFAULT_PERMUTATIONS = 999;
    /** Level at which an island's p_sim counts as significant. */
    public static final double ALPHA = 0.05;

    private IslandMoransI() {
    }

    /** Significant cells in the usual sense: q &lt; qThreshold and t &gt; 0 (NaN is never significant). */
    public static boolean[] significantCells(double[] q, double[] t, double qThreshold) {
        if (q == null || t == null) throw new IllegalArgumentException("q-values or t-values are missing (null)");
        if (q.length != t.length) throw new IllegalArgumentException("q has " + q.length + " values but t has " + t.length);
        if (!(qThreshold > 0 && qThreshold <= 1)) throw new IllegalArgumentException("q threshold must be in (0, 1], got " + qThreshold);
        boolean[] s = new boolean[q.length];
        for (int i = 0; i < q.length; i++) s[i] = q[i] < qThreshold && t[i] > 0;
        return s;
    }

    /** Island Moran's I with the paper's defaults: islands of at least 8 cells, 999 permutations. */
    public static IslandResult compute(double[] values, boolean[] significant, int rows, int cols, long seed) {
        return compute(values, significant, rows, cols, DEFAULT_MIN_SIZE, DEFAULT_PERMUTATIONS, seed);
    }

    /**
     * Island Moran's I.
     *
     * @param values       row-major rows x cols map whose clustering is measured (the t map)
     * @param significant  row-major rows x cols mask of significant cells
     * @param minSize      smallest component kept (at least 2)
     * @param permutations permutations per island (0: no p-values)
     * @param seed         seed of the permutations
     */
    public static IslandResult compute(double[] values, boolean[] significant, int rows, int cols,
                                       int minSize, int permutations, long seed) {
        if (values == null) throw new IllegalArgumentException("value map is missing (null)");
        if (significant == null) throw new IllegalArgumentException("significance mask is missing (null)");
        Checks.grid(values.length, rows, cols, "island Moran's I values");
        Checks.grid(significant.length, rows, cols, "island Moran's I mask");
        if (minSize < 2) throw new IllegalArgumentException("minimum island size must be at least 2 (Moran's I needs 2 cells), got " + minSize);
        if (permutations < 0) throw new IllegalArgumentException("number of permutations must be >= 0, got " + permutations);

        ComponentLabels comps = Components.label(significant, rows, cols);
        int count = comps.count();
        int[] offsets = comps.offsets(), cells = comps.cells();
        int[] local = new int[values.length];
        for (int l = 0; l < count; l++) {
            for (int k = offsets[l]; k < offsets[l + 1]; k++) local[cells[k]] = k - offsets[l];
        }
        SplittableRandom master = new SplittableRandom(seed);
        SplittableRandom[] rngs = new SplittableRandom[count];
        for (int l = 0; l < count; l++) {
            if (offsets[l + 1] - offsets[l] >= minSize) rngs[l] = master.split();
        }
        IslandResult.Island[] out = new IslandResult.Island[count];
        IntStream.range(0, count).parallel().forEach(l -> {
            int[] own = java.util.Arrays.copyOfRange(cells, offsets[l], offsets[l + 1]);
            boolean skipped = own.length < minSize;
            double moran = Double.NaN, p = Double.NaN;
            if (!skipped) {
                QueenWeights w = QueenWeights.build(rows, cols, own, local);
                MoranResult m = MoransI.test(values, w, permutations, rngs[l]);
                moran = m.i();
                p = m.pSim();
            }
            out[l] = describe(l + 1, own, skipped, moran, p, values, cols);
        });
        List<IslandResult.Island> list = new ArrayList<>(List.of(out));
        double sum = 0;
        int kept = 0, finite = 0, significantIslands = 0;
        for (IslandResult.Island isl : list) {
            if (isl.skipped()) continue;
            kept++;
            if (!Double.isNaN(isl.moranI())) {
                sum += isl.moranI();
                finite++;
            }
            if (isl.pSim() < ALPHA) significantIslands++;
        }
        double mean = finite == 0 ? Double.NaN : sum / finite;
        return new IslandResult(List.copyOf(list), mean, count, kept, significantIslands, minSize, permutations, seed);
    }

    private static IslandResult.Island describe(int label, int[] own, boolean skipped, double moran, double p, double[] values, int cols) {
        long sumR = 0, sumC = 0;
        int minR = Integer.MAX_VALUE, minC = Integer.MAX_VALUE, maxR = -1, maxC = -1;
        int peak = own[0];
        for (int cell : own) {
            int r = cell / cols, c = cell % cols;
            sumR += r;
            sumC += c;
            minR = Math.min(minR, r);
            maxR = Math.max(maxR, r);
            minC = Math.min(minC, c);
            maxC = Math.max(maxC, c);
            if (values[cell] > values[peak]) peak = cell;
        }
        return new IslandResult.Island(label, own.length, skipped, moran, p, (double) sumR / own.length, (double) sumC / own.length,
                minR, minC, maxR, maxC, peak, values[peak]);
    }
}
