package org.topoomni.stimuli.auditory;

import java.util.SplittableRandom;

/** Building blocks of the synthesisers: noise, filters, resonators, envelopes, oscillators. */
final class Dsp {
    private Dsp() {}

    /** Uniform white noise in [-1, 1). */
    static float[] white(int n, SplittableRandom rng) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (2 * rng.nextDouble() - 1);
        return x;
    }

    /** Gaussian white noise (unit variance). */
    static double gauss(SplittableRandom rng) {
        double u = Math.max(rng.nextDouble(), 1e-300), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Brown-ish (integrated, leaky) noise, normalised to unit peak. */
    static float[] brown(int n, SplittableRandom rng) {
        float[] x = new float[n];
        double y = 0;
        for (int i = 0; i < n; i++) {
            y = 0.995 * y + 0.1 * (2 * rng.nextDouble() - 1);
            x[i] = (float) y;
        }
        double p = AudioOps.peak(x);
        if (p > 0) AudioOps.scale(x, 1 / p);
        return x;
    }

    /** Second-order IIR section (RBJ audio-EQ cookbook), direct form I. */
    static final class Biquad {
        final double b0, b1, b2, a1, a2;
        double x1, x2, y1, y2;

        private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
            this.b0 = b0 / a0; this.b1 = b1 / a0; this.b2 = b2 / a0; this.a1 = a1 / a0; this.a2 = a2 / a0;
        }

        static Biquad lowpass(double f, double q, int sr) {
            double w = 2 * Math.PI * clampF(f, sr) / sr, c = Math.cos(w), al = Math.sin(w) / (2 * q);
            return new Biquad((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + al, -2 * c, 1 - al);
        }

        static Biquad highpass(double f, double q, int sr) {
            double w = 2 * Math.PI * clampF(f, sr) / sr, c = Math.cos(w), al = Math.sin(w) / (2 * q);
            return new Biquad((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + al, -2 * c, 1 - al);
        }

        /** Band-pass with 0 dB peak gain at f. */
        static Biquad bandpass(double f, double q, int sr) {
            double w = 2 * Math.PI * clampF(f, sr) / sr, c = Math.cos(w), al = Math.sin(w) / (2 * q);
            return new Biquad(al, 0, -al, 1 + al, -2 * c, 1 - al);
        }

        double step(double x) {
            double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1; x1 = x; y2 = y1; y1 = y;
            return y;
        }

        float[] process(float[] x) {
            float[] y = new float[x.length];
            for (int i = 0; i < x.length; i++) y[i] = (float) step(x[i]);
            return y;
        }
    }

    static double clampF(double f, int sr) {
        return Math.max(10, Math.min(f, 0.47 * sr));
    }

    /** Applies a band-pass of centre f and quality q to x (new array). */
    static float[] bandpass(float[] x, double f, double q, int sr) {
        return Biquad.bandpass(f, q, sr).process(x);
    }

    static float[] lowpass(float[] x, double f, int sr) {
        return Biquad.lowpass(f, 0.707, sr).process(x);
    }

    /** Fourth-order Butterworth low-pass (two biquads), 24 dB per octave. */
    static float[] lowpass4(float[] x, double f, int sr) {
        return Biquad.lowpass(f, 1.3066, sr).process(Biquad.lowpass(f, 0.5412, sr).process(x));
    }

    /** Two cascaded band-passes: a steeper band (12 dB per octave skirts). */
    static float[] bandpass2(float[] x, double f, double q, int sr) {
        return Biquad.bandpass(f, q, sr).process(Biquad.bandpass(f, q, sr).process(x));
    }

    static float[] highpass(float[] x, double f, int sr) {
        return Biquad.highpass(f, 0.707, sr).process(x);
    }

    /**
     * Klatt's digital resonator y[n] = A x[n] + B y[n-1] + C y[n-2] with unit gain at DC; its
     * centre frequency and bandwidth may change every sample (formant transitions).
     */
    static final class Resonator {
        double a = 1, b, c, y1, y2;

        /** Sets the centre frequency and bandwidth (Hz). */
        void tune(double f, double bw, int sr) {
            double t = 1.0 / sr;
            c = -Math.exp(-2 * Math.PI * bw * t);
            b = 2 * Math.exp(-Math.PI * bw * t) * Math.cos(2 * Math.PI * clampF(f, sr) * t);
            a = 1 - b - c;
        }

        double step(double x) {
            double y = a * x + b * y1 + c * y2;
            y2 = y1; y1 = y;
            return y;
        }
    }

    /** Sine oscillator following a per-sample frequency track (Hz), starting at phase 0. */
    static float[] sineSweep(double[] freq, int sr) {
        float[] y = new float[freq.length];
        double ph = 0;
        for (int i = 0; i < freq.length; i++) {
            y[i] = (float) Math.sin(ph);
            ph += 2 * Math.PI * freq[i] / sr;
            if (ph > 2 * Math.PI) ph -= 2 * Math.PI;
        }
        return y;
    }

    /** Attack-decay envelope: linear rise over attack samples then exponential decay with time constant tau (s). */
    static float[] attackDecay(int n, int attack, double tau, int sr) {
        float[] e = new float[n];
        for (int i = 0; i < n; i++) {
            double a = attack > 0 && i < attack ? (double) i / attack : 1;
            double d = Math.exp(-Math.max(0, i - attack) / (tau * sr));
            e[i] = (float) (a * d);
        }
        return e;
    }

    /** Smooth bell (Hann-shaped) envelope with flat top fraction {@code flat} in [0, 1). */
    static float[] bell(int n, double flat) {
        float[] e = new float[n];
        int ramp = (int) Math.max(1, n * (1 - flat) / 2);
        for (int i = 0; i < n; i++) {
            int d = Math.min(i, n - 1 - i);
            e[i] = d >= ramp ? 1f : (float) (0.5 - 0.5 * Math.cos(Math.PI * d / ramp));
        }
        return e;
    }

    static void multiply(float[] x, float[] env) {
        for (int i = 0; i < x.length; i++) x[i] *= env[i];
    }

    /** Uniform double in [lo, hi). */
    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** Log-uniform double in [lo, hi). */
    static double logUniform(SplittableRandom rng, double lo, double hi) {
        return lo * Math.exp(Math.log(hi / lo) * rng.nextDouble());
    }

    static <T> T pick(SplittableRandom rng, T[] options) {
        return options[rng.nextInt(options.length)];
    }
}
