package org.topoomni.discover;

import org.topoomni.map.SyntheticResponses;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A screening pool with known answers, for tests and benchmarks: items in groups, each group a
 * tight blob in embedding space; the groups come in pairs of nearby blobs (so each pair is one
 * node of the Ward tree, far from the other pairs). In every pair the first group is
 * "responsive": its sheet responses are raised a little on every unit (0.25 noise sd, so its
 * median t over the sheet is positive) and strongly inside its own patch (a cone of +3 sd at its centre); the second
 * group responds like noise. A correct walk finds every responsive group as one cluster.
 *
 * @param responses  items x units sheet responses (unit noise N(0, 1) plus the planted effects)
 * @param embeddings items x dim, row-major
 * @param dim        embedding width
 * @param group      the group of each item (items are shuffled)
 * @param patches    each group's patch (only the responsive groups' are planted)
 */
public record SyntheticPool(SheetResponses responses, double[] embeddings, int dim, int[] group, List<SyntheticResponses.Patch> patches) {

    /** Groups 0, 2, 4... are responsive. */
    public boolean responsive(int g) {
        return g % 2 == 0;
    }

    /** The rows of a group, ascending. */
    public int[] rows(int g) {
        return IntStream.range(0, group.length).filter(i -> group[i] == g).toArray();
    }

    public int items() {
        return group.length;
    }

    /**
     * {@code pairs} pairs of groups of {@code perGroup} items each, in shuffled order.
     * Deterministic in the seed.
     */
    public static SyntheticPool planted(SheetLayout l, int pairs, int perGroup, long seed) {
        return planted(l, pairs, perGroup, 16, seed);
    }

    /** The same with {@code dim}-dimensional embeddings (blob distances scale with sqrt(dim), so the tree's shape does not depend on it). */
    public static SyntheticPool planted(SheetLayout l, int pairs, int perGroup, int dim, long seed) {
        if (pairs < 1 || perGroup < 2) throw new IllegalArgumentException("need at least 1 pair of groups of at least 2 items, got " + pairs + " x " + perGroup);
        if (dim < 1) throw new IllegalArgumentException("embedding width must be positive, got " + dim);
        SplittableRandom rng = new SplittableRandom(seed);
        int groups = 2 * pairs, n = groups * perGroup, units = l.units();
        double[][] centre = new double[groups][dim];
        for (int p = 0; p < pairs; p++) {
            double[] base = new double[dim];
            for (int k = 0; k < dim; k++) base[k] = 10 * rng.nextGaussian();
            for (int j = 0; j < 2; j++) for (int k = 0; k < dim; k++) centre[2 * p + j][k] = base[k] + 2.5 * rng.nextGaussian();
        }
        // patches on a grid of 3 rows x k columns of the sheet, radius 6 units on a 48 x 64 sheet (scaled with it)
        double scale = Math.sqrt(l.rows() * (double) l.cols() / (48.0 * 64.0));
        int across = (pairs + 2) / 3;
        List<SyntheticResponses.Patch> patches = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int p = g / 2;
            double row = l.rows() * (p % 3 + 0.5) / 3.0, col = l.cols() * (p / 3 + 0.5) / across;
            patches.add(new SyntheticResponses.Patch(row, col, 6 * scale, 3.0));
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] group = new int[n];
        double[] emb = new double[n * dim];
        List<SheetResponses.Row> rows = new ArrayList<>();
        float[][] bumps = new float[groups][];
        for (int g = 0; g < groups; g += 2) bumps[g] = cone(l, patches.get(g));
        SplittableRandom[] item = new SplittableRandom[n];
        for (int i = 0; i < n; i++) {
            int g = order[i] / perGroup;
            group[i] = g;
            for (int k = 0; k < dim; k++) emb[i * dim + k] = centre[g][k] + 0.5 * rng.nextGaussian();
            rows.add(new SheetResponses.Row(String.format(java.util.Locale.ROOT, "item_%05d", i), "pool", 1 + i % 4));
            item[i] = rng.split();
        }
        float[] data = new float[n * units];
        IntStream.range(0, n).parallel().forEach(i -> {
            float[] bump = bumps[group[i]];
            SplittableRandom r = item[i];
            for (int u = 0; u < units; u++) {
                double v = r.nextGaussian();
                if (bump != null) v += 0.25 + bump[u];
                data[i * units + u] = (float) v;
            }
        });
        return new SyntheticPool(new SheetResponses(l, data, rows), emb, dim, group, List.copyOf(patches));
    }

    /** A cone over the patch: its amplitude at the centre, falling linearly to 0 at its radius (a graded island, as on a smooth sheet). */
    static float[] cone(SheetLayout l, SyntheticResponses.Patch p) {
        float[] out = new float[l.units()];
        for (int r = 0; r < l.rows(); r++) {
            for (int c = 0; c < l.cols(); c++) {
                double d = Math.hypot(r - p.row(), c - p.col());
                if (d <= p.radius()) out[r * l.cols() + c] = (float) (p.amplitude() * (1 - d / p.radius()));
            }
        }
        return out;
    }
}
