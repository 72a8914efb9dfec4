package org.topoomni.discover;

import org.topoomni.stats.Descriptives;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Welch t, per unit, of a group of items against all the other items, fast enough to score every
 * node of a Ward tree. The same statistic as {@link org.topoomni.stats.WelchT#welch} with the
 * group as ON and its complement as OFF, computed from sums: each unit's sum and sum of squares
 * over all items are computed once (after centring each unit on its mean over all items, so the
 * one-pass variance keeps its precision), a group's sums cost O(group size x units) and its
 * complement's sums are the totals minus the group's, O(units). A parent's sums minus one child's
 * give the other child's, so a walk down the tree only sums the smaller child.
 *
 * <p>Degenerate units follow {@code WelchT}: both groups with zero variance give NaN when the
 * means are equal and +-Infinity otherwise.
 */
public final class GroupVsRest {
    /** Units per parallel block. */
    private static final int BLOCK = 1024;

    private final float[] data;
    private final int items, units;
    private final double[] centre;
    private final Sums total;

    /** Sums over a group of items: its size, and per unit the sum and sum of squares of the centred responses. */
    public record Sums(int size, double[] sum, double[] sumSq) {}

    /**
     * @param data  items x units responses, item-major (the smoothed sheet responses)
     * @param units number of units
     */
    public GroupVsRest(float[] data, int units) {
        if (data == null) throw new IllegalArgumentException("response matrix is missing (null)");
        if (units <= 0 || data.length % units != 0) {
            throw new IllegalArgumentException("a response matrix of " + data.length + " values does not hold whole rows of " + units + " units");
        }
        this.data = data;
        this.units = units;
        this.items = data.length / units;
        if (items < 3) throw new IllegalArgumentException("need at least 3 items (a group and at least 2 others), got " + items);
        int[] all = new int[items];
        for (int i = 0; i < items; i++) all[i] = i;
        this.centre = Descriptives.columnMeans(data, units, all);
        this.total = sums(all);
    }

    public int items() { return items; }

    public int units() { return units; }

    /** Sums over all items. */
    public Sums total() { return total; }

    /** Sums over the given items: O(items.length x units), parallel over blocks of units. */
    public Sums sums(int[] group) {
        for (int r : group) {
            if (r < 0 || r >= items) throw new IllegalArgumentException("item " + r + " is out of range 0.." + (items - 1));
        }
        double[] s = new double[units], q = new double[units];
        int blocks = (units + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int u0 = b * BLOCK, u1 = Math.min(units, u0 + BLOCK);
            for (int r : group) {
                int base = r * units;
                for (int u = u0; u < u1; u++) {
                    double x = data[base + u] - centre[u];
                    s[u] += x;
                    q[u] += x * x;
                }
            }
        });
        return new Sums(group.length, s, q);
    }

    /** Sums of the items of {@code whole} that are not in {@code part} (part must be a subset of whole). */
    public Sums minus(Sums whole, Sums part) {
        if (part.size() > whole.size()) throw new IllegalArgumentException("a part of " + part.size() + " items cannot lie in a group of " + whole.size());
        double[] s = new double[units], q = new double[units];
        for (int u = 0; u < units; u++) {
            s[u] = whole.sum()[u] - part.sum()[u];
            q[u] = whole.sumSq()[u] - part.sumSq()[u];
        }
        return new Sums(whole.size() - part.size(), s, q);
    }

    /** Welch t per unit of the group against all other items (group and complement need 2+ items each). */
    public double[] t(Sums group) {
        int n1 = group.size(), n2 = items - n1;
        if (n1 < 2 || n2 < 2) {
            throw new IllegalArgumentException("the Welch t needs at least 2 items in the group and 2 outside it; the group has "
                    + n1 + " of " + items);
        }
        double[] t = new double[units];
        for (int u = 0; u < units; u++) {
            double s1 = group.sum()[u], q1 = group.sumSq()[u];
            double s2 = total.sum()[u] - s1, q2 = total.sumSq()[u] - q1;
            double m1 = s1 / n1, m2 = s2 / n2;
            double v1 = Math.max(0, (q1 - s1 * m1) / (n1 - 1)), v2 = Math.max(0, (q2 - s2 * m2) / (n2 - 1));
            double se2 = v1 / n1 + v2 / n2, diff = m1 - m2;
            if (se2 == 0) t[u] = diff == 0 ? Double.NaN : diff > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            else t[u] = diff / Math.sqrt(se2);
        }
        return t;
    }

    /** Median of the non-NaN values (NaN if there are none); the mean of the two middle values for an even count. */
    public static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        if (v.length == 0) return Double.NaN;
        Arrays.sort(v);
        int m = v.length / 2;
        if (v.length % 2 == 1) return v[m];
        return (v[m - 1] + v[m]) / 2;
    }
}
