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
