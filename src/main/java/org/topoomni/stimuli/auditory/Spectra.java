package org.topoomni.stimuli.auditory;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain spectral measurements on mono PCM, used to check the stimuli (tone frequency, long-term
 * spectrum of speech quilts, harmonicity of music) and to choose quilt segment orders: a radix-2
 * FFT, Welch power spectral density, 1/3-octave band powers, short-time RMS envelopes and
 * Pearson correlation. (The model's log-mel front end lives elsewhere; this class only serves the
 * stimulus generators and their tests.)
 */
public final class Spectra {
    private Spectra() {}

    /** Smallest power of two >= n (n >= 1). */
    public static int nextPow2(int n) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
        int p = 1;
        while (p < n) p <<= 1;
        return p;
    }

    /** In-place iterative radix-2 complex FFT; {@code re.length} must be a power of two. */
    public static void fft(double[] re, double[] im) {
        int n = re.length;
        if (n != im.length || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two and re/im equal, got " + n + "/" + im.length);
        }
        org.topoomni.stimuli.LogMel.fftInPlace(re, im);
    }

    /** Periodic Hann window of length n. */
    public static double[] hann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        return w;
    }

    /**
     * Power spectrum |X(k)|^2, k = 0..nfft/2, of {@code x[from, from+len)} times a Hann window,
     * zero-padded to {@code nfft} (a power of two >= len).
     */
    public static double[] powerSpectrum(float[] x, int from, int len, int nfft) {
        if (len > nfft) throw new IllegalArgumentException("segment of " + len + " samples is longer than nfft " + nfft);
        double[] re = new double[nfft], im = new double[nfft];
        double[] w = hann(len);
        for (int i = 0; i < len; i++) {
            int k = from + i;
            re[i] = (k >= 0 && k < x.length ? x[k] : 0) * w[i];
        }
        fft(re, im);
        double[] p = new double[nfft / 2 + 1];
        for (int k = 0; k < p.length; k++) p[k] = re[k] * re[k] + im[k] * im[k];
        return p;
    }

    /**
     * Welch power spectral density: mean of Hann-windowed periodograms of {@code nfft}-sample
     * frames with 50% overlap (nfft a power of two). Bin k is at k * sampleRate / nfft Hz.
     */
    public static double[] welch(float[] x, int nfft) {
        if (x.length < nfft) return powerSpectrum(x, 0, x.length, nfft);
        double[] acc = new double[nfft / 2 + 1];
        int hop = nfft / 2, frames = 0;
        for (int from = 0; from + nfft <= x.length; from += hop, frames++) {
            double[] p = powerSpectrum(x, from, nfft, nfft);
            for (int k = 0; k < acc.length; k++) acc[k] += p[k];
        }
        for (int k = 0; k < acc.length; k++) acc[k] /= frames;
        return acc;
    }

    /** Centre frequencies (Hz) of the 1/3-octave bands (base-2, re 1 kHz) between lo and hi. */
    public static double[] thirdOctaveCentres(double lo, double hi) {
        List<Double> c = new ArrayList<>();
        for (int k = -30; k <= 30; k++) {
            double f = 1000 * Math.pow(2, k / 3.0);
            if (f >= lo && f <= hi) c.add(f);
        }
        return c.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Power of a spectrum ({@code psd}, bins of sampleRate / nfft Hz with nfft = 2 (psd.length - 1))
     * summed in 1/3-octave bands centred at {@code centres}.
     */
    public static double[] bandPowers(double[] psd, int sampleRate, double[] centres) {
        int nfft = 2 * (psd.length - 1);
        double binHz = (double) sampleRate / nfft;
        double[] out = new double[centres.length];
        for (int b = 0; b < centres.length; b++) {
            double lo = centres[b] * Math.pow(2, -1 / 6.0), hi = centres[b] * Math.pow(2, 1 / 6.0);
            int k0 = Math.max(0, (int) Math.ceil(lo / binHz)), k1 = Math.min(psd.length - 1, (int) Math.floor(hi / binHz));
            double s = 0;
            for (int k = k0; k <= k1; k++) s += psd[k];
            out[b] = s;
        }
        return out;
    }

    /** 10 log10 of each value, floored at 1e-20 so that silent bands stay finite. */
    public static double[] toDb(double[] p) {
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) d[i] = 10 * Math.log10(Math.max(p[i], 1e-20));
        return d;
    }

    /**
     * Frequency (Hz) of the largest peak of the whole signal's Hann-windowed spectrum (zero-padded to
     * at least 4x its length), refined by parabolic interpolation of the log magnitude.
     */
    public static double peakFrequency(float[] x, int sampleRate) {
        int nfft = nextPow2(Math.max(4 * x.length, 2));
        double[] p = powerSpectrum(x, 0, x.length, nfft);
        int best = 1;
        for (int k = 1; k < p.length - 1; k++) if (p[k] > p[best]) best = k;
        double shift = 0;
        if (best > 0 && best < p.length - 1 && p[best - 1] > 0 && p[best + 1] > 0) {
            double a = Math.log(p[best - 1]), b = Math.log(p[best]), c = Math.log(p[best + 1]);
            double den = a - 2 * b + c;
            if (den != 0) shift = 0.5 * (a - c) / den;
        }
        return (best + shift) * sampleRate / nfft;
    }

    /** RMS in consecutive non-overlapping frames of {@code frameSamples} (the last partial frame dropped). */
    public static double[] envelope(float[] x, int frameSamples) {
        if (frameSamples < 1) throw new IllegalArgumentException("frame must be >= 1 sample, got " + frameSamples);
        double[] e = new double[x.length / frameSamples];
        for (int f = 0; f < e.length; f++) {
            double s = 0;
            for (int i = f * frameSamples; i < (f + 1) * frameSamples; i++) s += (double) x[i] * x[i];
            e[f] = Math.sqrt(s / frameSamples);
        }
        return e;
    }

    /** Pearson correlation of two equally long vectors (0 when either is constant). */
    public static double pearson(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
        int n = a.length;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
        ma /= n; mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db; saa += da * da; sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
