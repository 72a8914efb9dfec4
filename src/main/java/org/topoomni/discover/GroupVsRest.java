package org.topoomni.discover;

import org.topoomni.stats.Descriptives;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Welch t, per unit, of a group of items against the other items of its modality, fast enough to
 * score every node of a Ward tree. The same statistic as {@link org.topoomni.stats.WelchT#welch} with the
 * group as ON and its complement as OFF, computed from sums: each unit's sum and sum of squares
 * over all items are computed once (after centring each unit on its mean over all items, so the
 * one-pass variance keeps its precision), a group's sums cost O(group size x units) and its
 * complement's sums are the totals minus the group's, O(units). A parent's sums minus one child's
 * give the other child's, so a walk down the tree only sums the smaller child.
 *
 * <p><b>Modalities.</b> Items may carry a modality, an index 0..k-1 (in screening: image, sound,
 * text, or a mix). A group whose items are all of one modality is compared with the other items
 * of that modality only; a group that mixes modalities (or is nearly the whole modality), with
 * all other items. Without modalities every item is of one modality and the
 * rest is everything else. (A pool of images and sounds would otherwise make every image group
 * "selective" wherever the sheet answers images at all: the t would measure the modality, not the
 * group.)
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
    private final int[] modality;
    private final int modalityCount;
    private final Sums total;
    private final Sums[] modalityTotals;
    /** Per unit: constant over all items; and per modality, constant over that modality's items. */
    private final boolean[] constant;
    private final boolean[][] constantInModality;

    /**
     * Sums over a group of items: its size, its count of items of each modality, and per unit the sum
     * and sum of squares of the centred responses.
     */
    public record Sums(int size, int[] modalityCounts, double[] sum, double[] sumSq) {
        /** The modality all the group's items share, or -1 when it mixes modalities (or is empty). */
        public int modality() {
            int k = -1;
            for (int i = 0; i < modalityCounts.length; i++) {
                if (modalityCounts[i] == 0) continue;
                if (k >= 0) return -1;
                k = i;
            }
            return k;
        }
    }

    /**
     * All items of one modality: a group is compared with all other items.
     *
     * @param data  items x units responses, item-major (the smoothed sheet responses)
     * @param units number of units
     */
    public GroupVsRest(float[] data, int units) {
        this(data, units, null);
    }

    /**
     * @param data     items x units responses, item-major (the smoothed sheet responses)
     * @param units    number of units
     * @param modality each item's modality, 0..k-1 (null: all of one modality)
     */
    public GroupVsRest(float[] data, int units, int[] modality) {
        if (data == null) throw new IllegalArgumentException("response matrix is missing (null)");
        if (units <= 0 || data.length % units != 0) {
            throw new IllegalArgumentException("a response matrix of " + data.length + " values does not hold whole rows of " + units + " units");
        }
        this.data = data;
        this.units = units;
        this.items = data.length / units;
        if (items < 3) throw new IllegalArgumentException("need at least 3 items (a group and at least 2 others), got " + items);
        if (modality != null && modality.length != items) {
            throw new IllegalArgumentException("kinds are given for " + modality.length + " items but the responses have " + items);
        }
        this.modality = modality == null ? new int[items] : modality.clone();
        int modalities = 0;
        for (int k : this.modality) {
            if (k < 0) throw new IllegalArgumentException("item kinds must be 0 or more, got " + k);
            modalities = Math.max(modalities, k + 1);
        }
        int[] all = new int[items];
        for (int i = 0; i < items; i++) all[i] = i;
        this.centre = Descriptives.columnMeans(data, units, all);
        this.modalityCount = modalities;
        this.total = sums(all);
        this.modalityTotals = new Sums[modalities];
        for (int k = 0; k < modalities; k++) {
            final int kk = k;
            modalityTotals[k] = sums(IntStream.range(0, items).filter(i -> this.modality[i] == kk).toArray());
        }
        this.constant = constantUnits(null);
        this.constantInModality = new boolean[modalities][];
        for (int k = 0; k < modalities; k++) constantInModality[k] = constantUnits(k);
    }

    public int items() { return items; }

    public int units() { return units; }

    /** Sums over all items. */
    public Sums total() { return total; }

    /**
     * Which units have one value over all items of modality {@code k} (null: over all items). The
     * one-pass variance of such a unit is round-off, not 0, so {@link #t} must know them to
     * leave their t undefined, as the two-pass {@code WelchT} does (a sound leaves every vision
     * unit at one value).
     */
    private boolean[] constantUnits(Integer k) {
        boolean[] c = new boolean[units];
        Arrays.fill(c, true);
        int first = -1;
        for (int i = 0; i < items; i++) {
            if (k != null && modality[i] != k) continue;
            if (first < 0) {
                first = i;
                continue;
            }
            int base = i * units, ref = first * units;
            for (int u = 0; u < units; u++) if (c[u] && data[base + u] != data[ref + u]) c[u] = false;
        }
        return c;
    }

    /**
     * Sums over the items a group is compared with, the group included: the items of its modality, or
     * all items for a group that mixes modalities or leaves fewer than 2 other items of its modality.
     */
    public Sums reference(Sums group) {
        int k = group.modality();
        return k < 0 || modalityTotals[k].size() - group.size() < 2 ? total : modalityTotals[k];
    }

    /** Sums over the given items: O(items.length x units), parallel over blocks of units. */
    public Sums sums(int[] group) {
        for (int r : group) {
            if (r < 0 || r >= items) throw new IllegalArgumentException("item " + r + " is out of range 0.." + (items - 1));
        }
        double[] s = new double[units], q = new double[units];
        int[] counts = new int[modalityCount];
        for (int r : group) counts[modality[r]]++;
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
        return new Sums(group.length, counts, s, q);
    }

    /** Sums of the items of {@code whole} that are not in {@code part} (part must be a subset of whole). */
    public Sums minus(Sums whole, Sums part) {
        if (part.size() > whole.size()) throw new IllegalArgumentException("a part of " + part.size() + " items cannot lie in a group of " + whole.size());
        double[] s = new double[units], q = new double[units];
        for (int u = 0; u < units; u++) {
            s[u] = whole.sum()[u] - part.sum()[u];
            q[u] = whole.sumSq()[u] - part.sumSq()[u];
        }
        int[] counts = new int[modalityCount];
        for (int k = 0; k < modalityCount; k++) counts[k] = whole.modalityCounts()[k] - part.modalityCounts()[k];
        return new Sums(whole.size() - part.size(), counts, s, q);
    }

    /**
     * Welch t per unit of the group against the other items of its modality, or all other items for a
     * group that mixes modalities (group and rest need 2+ items each).
     */
    public double[] t(Sums group) {
        Sums ref = reference(group);
        boolean[] flat = ref == total ? constant : constantInModality[group.modality()];
        int n1 = group.size(), n2 = ref.size() - n1;
        if (n1 < 2 || n2 < 2) {
            throw new IllegalArgumentException("the Welch t needs at least 2 items in the group and 2 outside it; the group has "
                    + n1 + " of " + ref.size() + (ref == total ? "" : " items of its kind"));
        }
        double[] t = new double[units];
        for (int u = 0; u < units; u++) {
            double s1 = group.sum()[u], q1 = group.sumSq()[u];
            double s2 = ref.sum()[u] - s1, q2 = ref.sumSq()[u] - q1;
            double m1 = s1 / n1, m2 = s2 / n2;
            double v1 = Math.max(0, (q1 - s1 * m1) / (n1 - 1)), v2 = Math.max(0, (q2 - s2 * m2) / (n2 - 1));
            double se2 = v1 / n1 + v2 / n2, diff = m1 - m2;
            if (flat[u]) t[u] = Double.NaN; // one value in group and rest alike
            else if (se2 == 0) t[u] = diff == 0 ? Double.NaN : diff > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
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
