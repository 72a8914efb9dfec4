package org.topoomni.stimuli.auditory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small source-filter (Klatt-style cascade) voice synthesiser for non-speech vocalisations and
 * animal calls: a Rosenberg glottal pulse train (differentiated, i.e. with lip radiation) with
 * jitter, shimmer and vibrato, plus aspiration noise, through four time-varying formant
 * resonators. A sound is a list of {@link Part}s whose parameters glide linearly from start to
 * end values. Vocal-tract length is scaled per speaker (adult male 1.0, female ~1.17, child ~1.3).
 */
final class VoiceSynth {
    /** Formant frequencies and bandwidths (Hz) of a vowel or nasal for an adult male vocal tract. */
    record Vowel(double f1, double f2, double f3, double f4, double b1, double b2, double b3, double b4) {
        Vowel(double f1, double f2, double f3) {
            this(f1, f2, f3, 3500, 80, 100, 140, 250);
        }
    }

    // Peterson & Barney style male averages.
    static final Vowel A = new Vowel(730, 1090, 2440);
    static final Vowel AE = new Vowel(660, 1720, 2410);
    static final Vowel E = new Vowel(530, 1840, 2480);
    static final Vowel I = new Vowel(270, 2290, 3010);
    static final Vowel O = new Vowel(570, 840, 2410);
    static final Vowel U = new Vowel(300, 870, 2240);
    static final Vowel SCHWA = new Vowel(500, 1500, 2500);
    static final Vowel UH = new Vowel(640, 1190, 2390);
    /** Nasal murmur [m]: low first formant, weak and broad higher ones. */
    static final Vowel M = new Vowel(250, 1100, 2300, 3400, 60, 300, 400, 500);

    /**
     * One stretch of sound. Values glide linearly from the *0 to the *1 value over {@code seconds}.
     * voice and noise are the amplitudes of the glottal and aspiration sources; env shapes the
     * whole part (0 = flat, otherwise the fraction of the part used by the attack and release ramps).
     */
    static final class Part {
        double seconds;
        double f00, f01;
        double voice0 = 1, voice1 = 1, noise0 = 0.05, noise1 = 0.05;
        Vowel v0 = SCHWA, v1 = SCHWA;
        double ramp = 0.15;
        double vibratoHz = 0, vibratoDepth = 0; // depth as a fraction of f0
        double tremoloHz = 0, tremoloDepth = 0; // amplitude modulation
        double gain = 1;
        double decayTau = 0; // >0: exponential decay of amplitude (s)
        double lowpassHz = 0; // >0: extra low-pass (nasal murmur)
        boolean silent;

        static Part of(double seconds, double f0a, double f0b, Vowel va, Vowel vb) {
            Part p = new Part();
            p.seconds = seconds; p.f00 = f0a; p.f01 = f0b; p.v0 = va; p.v1 = vb;
            return p;
        }

        static Part silence(double seconds) {
            Part p = new Part();
            p.seconds = seconds; p.silent = true; p.f00 = p.f01 = 100;
            return p;
        }

        Part voice(double a, double b) { voice0 = a; voice1 = b; return this; }
        Part noise(double a, double b) { noise0 = a; noise1 = b; return this; }
        Part ramp(double r) { ramp = r; return this; }
        Part vibrato(double hz, double depth) { vibratoHz = hz; vibratoDepth = depth; return this; }
        Part tremolo(double hz, double depth) { tremoloHz = hz; tremoloDepth = depth; return this; }
        Part gain(double g) { gain = g; return this; }
        Part decay(double tau) { decayTau = tau; return this; }
        Part lowpass(double hz) { lowpassHz = hz; return this; }
    }

    private static final int RETUNE = 16;

    private final int sr;
    private final double tractScale;
    private final double jitter;
    private final double shimmer;
    private final double openQuotient;

    /**
     * @param tractScale formant scale factor (shorter vocal tract = larger)
     * @param jitter     relative random period-to-period f0 perturbation (e.g. 0.01)
     * @param shimmer    relative random period-to-period amplitude perturbation (e.g. 0.05)
     * @param openQuotient fraction of the glottal period the glottis is open (0.4-0.8; higher = breathier)
     */
    VoiceSynth(int sampleRate, double tractScale, double jitter, double shimmer, double openQuotient) {
        this.sr = sampleRate;
        this.tractScale = tractScale;
        this.jitter = jitter;
        this.shimmer = shimmer;
        this.openQuotient = openQuotient;
    }

    /** Renders the parts one after the other. */
    float[] render(List<Part> parts, SplittableRandom rng) {
        int total = 0;
        for (Part p : parts) total += (int) Math.round(p.seconds * sr);
        float[] y = new float[total];
        Dsp.Resonator[] res = {new Dsp.Resonator(), new Dsp.Resonator(), new Dsp.Resonator(), new Dsp.Resonator()};
        double phase = 0, periodF0 = parts.isEmpty() ? 100 : parts.get(0).f00, periodAmp = 1, prevG = 0;
        double vibPhase = rng.nextDouble() * 2 * Math.PI;
        int pos = 0;
        for (Part p : parts) {
            int n = (int) Math.round(p.seconds * sr);
            Dsp.Biquad lp = p.lowpassHz > 0 ? Dsp.Biquad.lowpass(p.lowpassHz, 0.707, sr) : null;
            int rampN = (int) Math.max(1, p.ramp * n);
            for (int i = 0; i < n; i++, pos++) {
                double u = n > 1 ? (double) i / (n - 1) : 0;
                if (p.silent) {
                    for (Dsp.Resonator r : res) r.y1 = r.y2 = 0;
                    y[pos] = 0;
                    continue;
                }
                double f0 = p.f00 + u * (p.f01 - p.f00);
                if (p.vibratoHz > 0) f0 *= 1 + p.vibratoDepth * Math.sin(vibPhase + 2 * Math.PI * p.vibratoHz * i / sr);
                // glottal source: new period -> draw jitter and shimmer
                phase += periodF0 / sr;
                if (phase >= 1) {
                    phase -= 1;
                    periodF0 = f0 * (1 + jitter * Dsp.gauss(rng));
                    periodAmp = 1 + shimmer * Dsp.gauss(rng);
                }
                double g = rosenberg(phase, openQuotient);
                double dg = (g - prevG) * sr / Math.max(periodF0, 20) * 0.25; // differentiated, roughly level-independent of f0
                prevG = g;
                double voice = (p.voice0 + u * (p.voice1 - p.voice0)) * periodAmp * dg;
                double noise = (p.noise0 + u * (p.noise1 - p.noise0)) * Dsp.gauss(rng) * 0.3;
                // aspiration is stronger while the glottis is open
                noise *= 0.6 + 0.4 * g;
                double x = voice + noise;
                if (i % RETUNE == 0) { // formant transitions are slow: retune every RETUNE samples
                    Vowel va = p.v0, vb = p.v1;
                    res[0].tune(lerp(va.f1(), vb.f1(), u) * tractScale, lerp(va.b1(), vb.b1(), u), sr);
                    res[1].tune(lerp(va.f2(), vb.f2(), u) * tractScale, lerp(va.b2(), vb.b2(), u), sr);
                    res[2].tune(lerp(va.f3(), vb.f3(), u) * tractScale, lerp(va.b3(), vb.b3(), u), sr);
                    res[3].tune(lerp(va.f4(), vb.f4(), u) * tractScale, lerp(va.b4(), vb.b4(), u), sr);
                }
                double s = x;
                for (Dsp.Resonator r : res) s = r.step(s);
                if (lp != null) s = lp.step(s);
                double env = p.gain;
                if (i < rampN) env *= 0.5 - 0.5 * Math.cos(Math.PI * i / rampN);
                if (n - 1 - i < rampN) env *= 0.5 - 0.5 * Math.cos(Math.PI * (n - 1 - i) / rampN);
                if (p.decayTau > 0) env *= Math.exp(-(double) i / (p.decayTau * sr));
                if (p.tremoloHz > 0) env *= 1 - p.tremoloDepth * (0.5 + 0.5 * Math.sin(2 * Math.PI * p.tremoloHz * i / sr));
                y[pos] = (float) (s * env);
            }
        }
        return y;
    }

    private static double lerp(double a, double b, double u) {
        return a + u * (b - a);
    }

    /** Rosenberg (1971) glottal flow pulse over one period, phase in [0, 1). */
    static double rosenberg(double phase, double openQuotient) {
        double tp = 0.6 * openQuotient, tn = 0.4 * openQuotient;
        if (phase < tp) return 0.5 - 0.5 * Math.cos(Math.PI * phase / tp);
        if (phase < tp + tn) return Math.cos(Math.PI / 2 * (phase - tp) / tn);
        return 0;
    }

    /** A list builder that reads well at call sites. */
    static List<Part> parts(Part... ps) {
        return new ArrayList<>(List.of(ps));
    }
}
