package org.topoomni.stimuli.auditory;

import org.topoomni.stimuli.Audio;

/**
 * Small operations on mono float PCM shared by the auditory generators: fitting a clip to a fixed
 * length with raised-cosine fades, level normalisation in dB re full scale, mixing and peak
 * limiting. Every stimulus of the auditory families passes through {@link #finish} so that all
 * clips have the same length, smooth edges, a controlled level and no clipping.
 */
public final class AudioOps {
    /** The largest absolute sample value a finished clip may have (a little head-room below 1). */
    public static final double PEAK_LIMIT = 0.98;

    private AudioOps() {}

    /** Number of samples in {@code seconds} at {@code sampleRate} (rounded). */
    public static int samples(double seconds, int sampleRate) {
        return (int) Math.round(seconds * sampleRate);
    }

    /**
     * Copies {@code x} into a new array of exactly {@code length} samples, starting at
     * {@code offset} in the output (a negative offset drops the first samples of {@code x}),
     * zero-padding the rest.
     */
    public static float[] place(float[] x, int length, int offset) {
        if (length < 0) throw new IllegalArgumentException("length must be >= 0, got " + length);
        float[] y = new float[length];
        addInto(y, x, offset, 1.0);
        return y;
    }

    /** Adds {@code gain * src} into {@code dst} starting at {@code offset} (clipped to dst's bounds). */
    public static void addInto(float[] dst, float[] src, int offset, double gain) {
        int from = Math.max(0, -offset);
        int to = Math.min(src.length, dst.length - offset);
        for (int i = from; i < to; i++) dst[i + offset] += (float) (gain * src[i]);
    }

    /** Raised-cosine fade-in over the first and fade-out over the last {@code fadeSamples}, in place. */
    public static void fade(float[] x, int fadeSamples) {
        int n = Math.min(fadeSamples, x.length / 2);
        for (int i = 0; i < n; i++) {
            double g = 0.5 - 0.5 * Math.cos(Math.PI * (i + 0.5) / n);
            x[i] *= (float) g;
            x[x.length - 1 - i] *= (float) g;
        }
    }

    /** Raised-cosine fade-in over the first and fade-out over the last {@code fadeSamples} of x[from, to). */
    public static void fade(float[] x, int from, int to, int fadeSamples) {
        int len = to - from;
        int n = Math.min(fadeSamples, len / 2);
        for (int i = 0; i < n; i++) {
            double g = 0.5 - 0.5 * Math.cos(Math.PI * (i + 0.5) / n);
            x[from + i] *= (float) g;
            x[to - 1 - i] *= (float) g;
        }
    }

    /** Root-mean-square of the samples (0 for an empty array). */
    public static double rms(float[] x) {
        if (x.length == 0) return 0;
        double s = 0;
        for (float v : x) s += (double) v * v;
        return Math.sqrt(s / x.length);
    }

    /** Largest absolute sample value. */
    public static double peak(float[] x) {
        double p = 0;
        for (float v : x) p = Math.max(p, Math.abs(v));
        return p;
    }

    /** Level in dB re full scale of an RMS value (-inf for silence). */
    public static double dbfs(double rms) {
        return 20 * Math.log10(rms);
    }

    /** Multiplies every sample by {@code g}, in place. */
    public static void scale(float[] x, double g) {
        for (int i = 0; i < x.length; i++) x[i] = (float) (x[i] * g);
    }

    /**
     * Scales {@code x} in place so that its RMS is {@code targetDbfs} dB re full scale, then scales
     * it down further if its peak would exceed {@link #PEAK_LIMIT}. Silence stays silence.
     */
    public static void normalize(float[] x, double targetDbfs) {
        double r = rms(x);
        if (r <= 0) return;
        double g = Math.pow(10, targetDbfs / 20) / r;
        double p = peak(x) * g;
        if (p > PEAK_LIMIT) g *= PEAK_LIMIT / p;
        scale(x, g);
    }

    /**
     * The last step of every auditory stimulus: fit to {@code length} samples (pad or trim), apply
     * raised-cosine fades of {@code fadeSamples} at both ends, and normalise to
     * {@code targetDbfs} (RMS) without letting any sample exceed {@link #PEAK_LIMIT}.
     */
    public static Audio finish(float[] x, int sampleRate, int length, int fadeSamples, double targetDbfs) {
        float[] y = x.length == length ? x.clone() : place(x, length, 0);
        fade(y, fadeSamples);
        normalize(y, targetDbfs);
        for (float v : y) {
            if (!Float.isFinite(v)) throw new IllegalStateException("audio synthesis produced a non-finite sample");
        }
        return new Audio(y, sampleRate);
    }

    /** Index of the first sample whose magnitude reaches {@code threshold}, or x.length if none. */
    public static int firstAbove(float[] x, double threshold) {
        for (int i = 0; i < x.length; i++) if (Math.abs(x[i]) >= threshold) return i;
        return x.length;
    }

    /** Index after the last sample whose magnitude reaches {@code threshold}, or 0 if none. */
    public static int lastAbove(float[] x, double threshold) {
        for (int i = x.length - 1; i >= 0; i--) if (Math.abs(x[i]) >= threshold) return i + 1;
        return 0;
    }
}
