package org.topoomni.stimuli;

/**
 * Log-mel spectrogram, the audio front end of the model and of the inspection sheets: 16 kHz
 * audio (other rates are resampled first), 25 ms periodic Hann windows (400 samples) every
 * 10 ms (160 samples), a 512-point FFT, the power spectrum pooled by 64 triangular mel filters
 * (HTK mel scale, 0 Hz to 8 kHz, filters peak at 1), then the natural log with a floor of
 * 1e-10. Frames cover the audio without padding ({@code 1 + (n - 400) / 160} frames; a clip
 * shorter than one window is zero-padded to one frame), so a 2 s clip gives 198 frames.
 * Immutable and thread-safe.
 */
public final class LogMel {
    public static final int SAMPLE_RATE = 16_000;
    public static final int WINDOW = 400;
    public static final int HOP = 160;
    public static final int FFT = 512;
    public static final int MELS = 64;
    public static final double FLOOR = 1e-10;

    private final int sampleRate, window, hop, fft, mels;
    private final double fMin, fMax;
    private final double[] hann;
    private final double[][] filters; // mels x (fft/2+1)
    private final int[] first, last;  // non-zero range of each filter
    private final double[] centres;

    /** The default front end: 16 kHz, 25 ms / 10 ms, 512-point FFT, 64 mels, 0-8000 Hz. */
    public LogMel() {
        this(SAMPLE_RATE, WINDOW, HOP, FFT, MELS, 0, SAMPLE_RATE / 2.0);
    }

    public LogMel(int sampleRate, int window, int hop, int fft, int mels, double fMin, double fMax) {
        if (sampleRate <= 0 || window <= 0 || hop <= 0 || mels <= 0) {
            throw new IllegalArgumentException("sample rate, window, hop and mels must be positive");
        }
        if (Integer.bitCount(fft) != 1 || fft < window) {
            throw new IllegalArgumentException("FFT size must be a power of two >= the window, got " + fft);
        }
        if (!(fMin >= 0 && fMax > fMin && fMax <= sampleRate / 2.0)) {
            throw new IllegalArgumentException("need 0 <= fMin < fMax <= Nyquist, got " + fMin + ".." + fMax);
        }
        this.sampleRate = sampleRate;
        this.window = window;
        this.hop = hop;
        this.fft = fft;
        this.mels = mels;
        this.fMin = fMin;
        this.fMax = fMax;
        hann = new double[window];
        for (int i = 0; i < window; i++) hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / window);
        int bins = fft / 2 + 1;
        double mLo = hzToMel(fMin), mHi = hzToMel(fMax);
        double[] edges = new double[mels + 2];
        for (int i = 0; i < edges.length; i++) edges[i] = melToHz(mLo + (mHi - mLo) * i / (mels + 1));
        filters = new double[mels][bins];
        first = new int[mels];
        last = new int[mels];
        centres = new double[mels];
        for (int m = 0; m < mels; m++) {
            double lo = edges[m], c = edges[m + 1], hi = edges[m + 2];
            centres[m] = c;
            first[m] = bins;
            last[m] = -1;
            for (int k = 0; k < bins; k++) {
                double f = (double) k * sampleRate / fft;
                double w = f <= lo || f >= hi ? 0 : f <= c ? (f - lo) / (c - lo) : (hi - f) / (hi - c);
                filters[m][k] = w;
                if (w > 0) {
                    first[m] = Math.min(first[m], k);
                    last[m] = k;
                }
            }
        }
    }

    public static double hzToMel(double hz) {
        return 2595.0 * Math.log10(1 + hz / 700.0);
    }

    public static double melToHz(double mel) {
        return 700.0 * (Math.pow(10, mel / 2595.0) - 1);
    }

    public int sampleRate() { return sampleRate; }

    public int mels() { return mels; }

    public int hop() { return hop; }

    /** Centre frequency of mel band {@code m} in Hz. */
    public double bandCentreHz(int m) {
        return centres[m];
    }

    /** The band whose centre is nearest {@code hz} on the mel scale. */
    public int bandOf(double hz) {
        int best = 0;
        double target = hzToMel(hz), d = Double.MAX_VALUE;
        for (int m = 0; m < mels; m++) {
            double e = Math.abs(hzToMel(centres[m]) - target);
            if (e < d) {
                d = e;
                best = m;
            }
        }
        return best;
    }

    /** Frames for {@code n} samples at this front end's rate. */
    public int frames(int n) {
        return n < window ? 1 : 1 + (n - window) / hop;
    }

    /** Log-mel features of {@code audio}: frames x mels, resampled to this front end's rate first. */
    public float[][] compute(Audio audio) {
        float[] x = audio.sampleRate() == sampleRate ? audio.samples()
                : Resampler.resample(audio.samples(), audio.sampleRate(), sampleRate);
        int frames = frames(x.length);
        float[][] out = new float[frames][mels];
        double[] re = new double[fft], im = new double[fft];
        double[] power = new double[fft / 2 + 1];
        for (int t = 0; t < frames; t++) {
            int start = t * hop;
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            for (int i = 0; i < window; i++) {
                int j = start + i;
                re[i] = j < x.length ? x[j] * hann[i] : 0;
            }
            fftInPlace(re, im);
            for (int k = 0; k < power.length; k++) power[k] = re[k] * re[k] + im[k] * im[k];
            for (int m = 0; m < mels; m++) {
                double e = 0;
                double[] w = filters[m];
                for (int k = first[m]; k <= last[m]; k++) e += w[k] * power[k];
                out[t][m] = (float) Math.log(Math.max(e, FLOOR));
            }
        }
        return out;
    }

    /** Iterative radix-2 FFT, in place (length a power of two). */
    public static void fftInPlace(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = -2 * Math.PI / len;
            double wr = Math.cos(ang), wi = Math.sin(ang);
            for (int i = 0; i < n; i += len) {
                double cr = 1, ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k, b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci, xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                    double ncr = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = ncr;
                }
            }
        }
    }

    /**
     * A model's fixed-length log-mel input, frames x bands (row-major), exactly {@code frames}
     * frames: resampled to 16 kHz, log-mel ({@link #LogMel()}), padded (with the clip's quietest
     * value) or cut to the frame count, then standardised over the whole clip (zero mean, unit
     * variance).
     */
    public static float[] standardisedFrames(Audio audio, int frames, int bands) {
        if (audio == null) throw new IllegalArgumentException("no audio");
        if (bands != DEFAULT.mels()) throw new IllegalArgumentException("the front end has " + DEFAULT.mels() + " mel bands; the model wants " + bands);
        Audio a = audio.sampleRate() == SAMPLE_RATE ? audio : Resampler.resample(audio, SAMPLE_RATE);
        float[][] mel = DEFAULT.compute(a);
        float[] out = new float[frames * bands];
        double sum = 0, sq = 0;
        int n = Math.min(frames, mel.length);
        float floor = Float.POSITIVE_INFINITY; // pad with the clip's quietest value
        for (int f = 0; f < n; f++) for (int b = 0; b < bands; b++) floor = Math.min(floor, mel[f][b]);
        if (n == 0) floor = (float) Math.log(FLOOR);
        for (int f = 0; f < frames; f++) {
            for (int b = 0; b < bands; b++) {
                float v = f < n ? mel[f][b] : floor;
                out[f * bands + b] = v;
                sum += v;
                sq += (double) v * v;
            }
        }
        double mean = sum / out.length, sd = Math.sqrt(Math.max(sq / out.length - mean * mean, 0));
        float scale = sd > 1e-6 ? (float) (1 / sd) : 1f;
        for (int i = 0; i < out.length; i++) out[i] = (float) ((out[i] - mean) * scale);
        return out;
    }

    private static final LogMel DEFAULT = new LogMel();

    /** Frames x bands features shifted in time by {@code shift} frames, circularly (an augmentation of the models' pretraining). */
    public static float[] timeShifted(float[] mel, int frames, int bands, int shift) {
        float[] out = new float[mel.length];
        for (int f = 0; f < frames; f++) {
            int src = Math.floorMod(f - shift, frames);
            System.arraycopy(mel, src * bands, out, f * bands, bands);
        }
        return out;
    }
}
