package org.topoomni.stimuli;

/**
 * Band-limited resampling of mono PCM by windowed-sinc interpolation (Kaiser window, beta 8.6,
 * about 80 dB stop-band). When downsampling, the cut-off moves to 0.95 x the new Nyquist
 * frequency, so nothing folds back. Used for espeak-ng's 22,050 Hz output and for WAV files
 * loaded at other rates.
 */
public final class Resampler {
    private static final int HALF_TAPS = 32; // zero crossings on each side (at the lower rate)
    private static final double BETA = 8.6;

    private static final int TABLE = 8192;
    private static final double[] WINDOW = new double[TABLE + 2]; // Kaiser window at |u| = i / TABLE

    static {
        double i0Beta = besselI0(BETA);
        for (int i = 0; i < WINDOW.length; i++) {
            double u = Math.min(1.0, i / (double) TABLE);
            WINDOW[i] = besselI0(BETA * Math.sqrt(1 - u * u)) / i0Beta;
        }
    }

    private Resampler() {}

    private static double window(double absU) {
        double p = absU * TABLE;
        int i = (int) p;
        double f = p - i;
        return WINDOW[i] * (1 - f) + WINDOW[i + 1] * f;
    }

    public static Audio resample(Audio in, int toRate) {
        return new Audio(resample(in.samples(), in.sampleRate(), toRate), toRate);
    }

    public static float[] resample(float[] x, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive, got " + fromRate + " -> " + toRate);
        }
        if (fromRate == toRate) return x.clone();
        int outLen = (int) Math.round((double) x.length * toRate / fromRate);
        float[] y = new float[outLen];
        double ratio = (double) toRate / fromRate;
        double cutoff = Math.min(1.0, ratio) * (ratio < 1 ? 0.95 : 1.0); // relative to input Nyquist
        double halfWidth = HALF_TAPS / cutoff; // in input samples
        int g = gcd(fromRate, toRate), up = toRate / g, down = fromRate / g;
        if (up <= 4096) {
            // Rational ratio: output n sits at input position n * down / up, so only `up` distinct
            // fractional phases occur; their filters are computed once.
            int taps = (int) Math.ceil(2 * halfWidth) + 2;
            float[][] bank = new float[up][];
            int[] first = new int[up];
            for (int ph = 0; ph < up; ph++) {
                double frac = ph / (double) up;
                int lo = (int) Math.ceil(frac - halfWidth);
                first[ph] = lo;
                float[] h = new float[taps];
                double norm = 0;
                for (int i = 0; i < taps; i++) {
                    double d = lo + i - frac;
                    double u = d / halfWidth;
                    if (u <= -1 || u >= 1) continue;
                    double arg = Math.PI * d * cutoff;
                    double v = cutoff * (arg == 0 ? 1 : Math.sin(arg) / arg) * window(Math.abs(u));
                    h[i] = (float) v;
                    norm += v;
                }
                for (int i = 0; i < taps; i++) h[i] /= (float) norm;
                bank[ph] = h;
            }
            for (int n = 0; n < outLen; n++) {
                long pos = (long) n * down;
                int base = (int) (pos / up), ph = (int) (pos % up);
                float[] h = bank[ph];
                int k0 = base + first[ph];
                double acc = 0;
                if (k0 >= 0 && k0 + h.length <= x.length) {
                    for (int i = 0; i < h.length; i++) acc += h[i] * x[k0 + i];
                } else {
                    for (int i = 0; i < h.length; i++) {
                        int k = k0 + i;
                        if (k >= 0 && k < x.length) acc += h[i] * x[k];
                    }
                }
                y[n] = (float) acc;
            }
            return y;
        }
        for (int n = 0; n < outLen; n++) {
            double t = n / ratio; // position in input samples
            int lo = (int) Math.ceil(t - halfWidth), hi = (int) Math.floor(t + halfWidth);
            double acc = 0, norm = 0;
            for (int k = lo; k <= hi; k++) {
                double d = k - t;
                double u = d / halfWidth;
                if (u <= -1 || u >= 1) continue;
                double w = window(Math.abs(u));
                double arg = Math.PI * d * cutoff;
                double s = arg == 0 ? 1 : Math.sin(arg) / arg;
                double h = cutoff * s * w;
                norm += h;
                if (k >= 0 && k < x.length) acc += h * x[k];
            }
            y[n] = (float) (norm == 0 ? 0 : acc / norm);
        }
        return y;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Modified Bessel function of the first kind, order 0 (power series). */
    static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum;
    }
}
