package org.topoomni.stimuli.auditory;

import org.topoomni.stimuli.Audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sound quilts after Overath, McDermott, Zarate and Poeppel (2015, Nat Neurosci 18:903): the
 * source is cut into segments of length L, the segments are put in a new order, and neighbours
 * are joined with raised-cosine cross-fades. Short segments (30-60 ms) keep the source's
 * long-term spectrum and local acoustics but destroy its syllables, words and prosody; long ones
 * (480-960 ms) keep more of its structure. The speech localizer contrasts speech with its quilts.
 *
 * <p>Order: like Overath et al., the new order never keeps two segments that were neighbours in
 * the source next to each other in the same order, and it prefers joins whose spectral change
 * matches the source's typical segment-to-segment change (their algorithm matches the change in
 * the cochleagram at each join; here the change is the distance between log band energies of the
 * last and first 16 ms of the two segments, and the median join of the source is the target).
 * It is built greedily: from a random first segment, each next segment is drawn at random among
 * the three allowed candidates whose join is closest to the target. Sources of at most 7
 * segments are ordered by drawing uniformly among all allowed orders.
 *
 * <p>Tiling: the source is cut into m = round(n / L) equal segments (lengths differ by at most one
 * sample), so the quilt has exactly the source's sample count and the effective segment length
 * (reported in {@link Quilt#segmentMs()}) is within a few percent of the one asked for.
 */
public final class SpeechQuilter {
    public static final double MIN_SEGMENT_MS = 30;
    public static final double MAX_SEGMENT_MS = 960;
    /**
     * Default segment length: 60 ms is shorter than a syllable (so words and prosody are gone)
     * but long enough to keep phoneme-scale acoustics; Overath et al. found the STS response to
     * quilts rising from 30 to 480 ms, so short segments give the strongest speech > quilt contrast.
     */
    public static final double DEFAULT_SEGMENT_MS = 60;
    /** Cross-fade at every join: 5 ms raised cosine, centred on the join. */
    public static final double CROSSFADE_MS = 5;

    private static final int FEATURE_WINDOW = 256;
    private static final int BANDS = 8;
    private static final int CANDIDATES = 3;
    private static final int ENUMERATE_MAX = 7;

    private SpeechQuilter() {}

    /**
     * A quilt and how it was made.
     *
     * @param audio     the quilt, exactly as long as its source
     * @param order     order[k] = index (in the source) of the k-th segment of the quilt
     * @param segmentMs the effective segment length in ms
     */
    public record Quilt(Audio audio, int[] order, double segmentMs) {}

    /** Quilts {@code source} with segments of about {@code segmentMs} ms (30-960). */
    public static Audio quilt(Audio source, double segmentMs, SplittableRandom rng) {
        return quiltWithOrder(source, segmentMs, rng).audio();
    }

    /** Like {@link #quilt} but also returns the segment order. */
    public static Quilt quiltWithOrder(Audio source, double segmentMs, SplittableRandom rng) {
        if (source == null) throw new IllegalArgumentException("no source audio to quilt");
        if (rng == null) throw new IllegalArgumentException("quilting needs a random generator");
        if (!(segmentMs >= MIN_SEGMENT_MS && segmentMs <= MAX_SEGMENT_MS)) {
            throw new IllegalArgumentException("quilt segment length must be " + MIN_SEGMENT_MS + "-" + MAX_SEGMENT_MS
                    + " ms, got " + segmentMs);
        }
        float[] x = source.samples();
        int sr = source.sampleRate(), n = x.length;
        double segSamples = segmentMs * sr / 1000.0;
        int m = (int) Math.round(n / segSamples);
        if (m < 2) {
            throw new IllegalArgumentException("a source of " + Math.round(source.seconds() * 1000) + " ms is too short to quilt with "
                    + segmentMs + " ms segments (needs at least two segments)");
        }
        int[] bounds = new int[m + 1];
        for (int i = 0; i <= m; i++) bounds[i] = (int) Math.round((double) i * n / m);
        int[] order = m <= ENUMERATE_MAX ? enumerateOrder(m, rng) : greedyOrder(x, bounds, sr, rng);
        float[] y = assemble(x, bounds, order, sr);
        return new Quilt(new Audio(y, sr), order, 1000.0 * n / m / sr);
    }

    /** True when no two segments that follow each other in the source follow each other in {@code order}. */
    public static boolean keepsNoSourceNeighbours(int[] order) {
        for (int k = 1; k < order.length; k++) if (order[k] == order[k - 1] + 1) return false;
        return true;
    }

    private static int[] enumerateOrder(int m, SplittableRandom rng) {
        List<int[]> valid = new ArrayList<>();
        permute(new int[m], new boolean[m], 0, valid);
        return valid.get(rng.nextInt(valid.size())).clone();
    }

    private static void permute(int[] cur, boolean[] used, int k, List<int[]> out) {
        int m = cur.length;
        if (k == m) {
            out.add(cur.clone());
            return;
        }
        for (int c = 0; c < m; c++) {
            if (used[c] || (k > 0 && c == cur[k - 1] + 1)) continue;
            used[c] = true;
            cur[k] = c;
            permute(cur, used, k + 1, out);
            used[c] = false;
        }
    }

    private static int[] greedyOrder(float[] x, int[] bounds, int sr, SplittableRandom rng) {
        int m = bounds.length - 1;
        double[][] head = new double[m][], tail = new double[m][];
        for (int i = 0; i < m; i++) {
            int len = Math.min(FEATURE_WINDOW, bounds[i + 1] - bounds[i]);
            head[i] = bandFeatures(x, bounds[i], len, sr);
            tail[i] = bandFeatures(x, bounds[i + 1] - len, len, sr);
        }
        double[] joins = new double[m - 1];
        for (int i = 0; i < m - 1; i++) joins[i] = dist(tail[i], head[i + 1]);
        double[] sorted = joins.clone();
        Arrays.sort(sorted);
        double target = sorted[sorted.length / 2];

        int[] order = new int[m];
        boolean[] used = new boolean[m];
        order[0] = rng.nextInt(m);
        used[order[0]] = true;
        int placed = 1;
        while (placed < m) {
            int prev = order[placed - 1];
            List<double[]> cand = new ArrayList<>(); // {cost, index}
            for (int c = 0; c < m; c++) {
                if (used[c] || c == prev + 1) continue;
                cand.add(new double[] {Math.abs(dist(tail[prev], head[c]) - target), c});
            }
            if (cand.isEmpty()) break; // only the source successor of prev is left: insert it elsewhere below
            cand.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
            int c = (int) cand.get(rng.nextInt(Math.min(CANDIDATES, cand.size())))[1];
            order[placed++] = c;
            used[c] = true;
        }
        if (placed < m) {
            int last = -1;
            for (int c = 0; c < m; c++) if (!used[c]) last = c;
            order = insertWhereAllowed(Arrays.copyOf(order, placed), last);
        }
        return order;
    }

    /** Inserts segment c at the first position where it keeps the no-source-neighbours rule. */
    private static int[] insertWhereAllowed(int[] partial, int c) {
        for (int pos = 0; pos <= partial.length; pos++) {
            boolean okBefore = pos == 0 || partial[pos - 1] + 1 != c;
            boolean okAfter = pos == partial.length || c + 1 != partial[pos];
            if (okBefore && okAfter) {
                int[] o = new int[partial.length + 1];
                System.arraycopy(partial, 0, o, 0, pos);
                o[pos] = c;
                System.arraycopy(partial, pos, o, pos + 1, partial.length - pos);
                return o;
            }
        }
        throw new IllegalStateException("no order of " + (partial.length + 1) + " segments avoids source neighbours");
    }

    /** Log energies in BANDS log-spaced bands (100 Hz - 0.45 sr) of a Hann-windowed window. */
    private static double[] bandFeatures(float[] x, int from, int len, int sr) {
        double[] p = Spectra.powerSpectrum(x, from, len, FEATURE_WINDOW);
        double lo = 100, hi = 0.45 * sr;
        double[] f = new double[BANDS];
        double binHz = (double) sr / FEATURE_WINDOW;
        for (int b = 0; b < BANDS; b++) {
            double f0 = lo * Math.pow(hi / lo, (double) b / BANDS), f1 = lo * Math.pow(hi / lo, (double) (b + 1) / BANDS);
            double s = 1e-10;
            for (int k = (int) Math.ceil(f0 / binHz); k <= Math.min(p.length - 1, (int) Math.floor(f1 / binHz)); k++) s += p[k];
            f[b] = Math.log(s);
        }
        return f;
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    /**
     * Overlap-add of the segments in the new order: each segment is read with h/2 extra source
     * samples on both sides (mirrored at the source's ends) and weighted by complementary
     * raised-cosine ramps of h samples centred on each join, so the weights sum to one everywhere.
     */
    private static float[] assemble(float[] x, int[] bounds, int[] order, int sr) {
        int n = x.length, m = order.length;
        int minLen = Integer.MAX_VALUE;
        for (int i = 0; i < m; i++) minLen = Math.min(minLen, bounds[i + 1] - bounds[i]);
        int h = (int) Math.min(Math.round(CROSSFADE_MS * sr / 1000.0), minLen);
        h -= h % 2;
        int half = h / 2;
        float[] y = new float[n];
        int out = 0;
        for (int k = 0; k < m; k++) {
            int s = order[k], a = bounds[s], len = bounds[s + 1] - a;
            boolean rampIn = k > 0 && h > 0, rampOut = k < m - 1 && h > 0;
            int from = rampIn ? -half : 0, to = rampOut ? len + half : len;
            for (int t = from; t < to; t++) {
                double w = 1;
                if (rampIn && t < half) w = ramp((t + half + 0.5) / h);
                if (rampOut && t >= len - half) w *= 1 - ramp((t - (len - half) + 0.5) / h);
                y[out + t] += (float) (w * x[mirror(a + t, n)]);
            }
            out += len;
        }
        return y;
    }

    private static double ramp(double u) {
        return 0.5 - 0.5 * Math.cos(Math.PI * Math.max(0, Math.min(1, u)));
    }

    private static int mirror(int i, int n) {
        if (i < 0) i = -i;
        if (i >= n) i = 2 * n - 2 - i;
        return Math.max(0, Math.min(n - 1, i));
    }
}
