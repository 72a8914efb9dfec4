package org.topoomni.bench;

import java.util.Arrays;

/** Summaries of timed repetitions. */
public final class Timing {
    private Timing() {}

    /** The median of the values (NaN for none). */
    public static double median(double[] v) {
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
