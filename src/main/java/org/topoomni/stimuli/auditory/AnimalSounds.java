package org.topoomni.stimuli.auditory;

import java.util.List;
import java.util.SplittableRandom;

import static org.topoomni.stimuli.auditory.VoiceSynth.A;
import static org.topoomni.stimuli.auditory.VoiceSynth.AE;
import static org.topoomni.stimuli.auditory.VoiceSynth.E;
import static org.topoomni.stimuli.auditory.VoiceSynth.I;
import static org.topoomni.stimuli.auditory.VoiceSynth.M;
import static org.topoomni.stimuli.auditory.VoiceSynth.O;
import static org.topoomni.stimuli.auditory.VoiceSynth.U;
import static org.topoomni.stimuli.auditory.VoiceSynth.UH;
import static org.topoomni.stimuli.auditory.VoiceSynth.Part;

/**
 * Synthesised animal calls, for pretraining ("which animal?") and for animal image + sound pairs:
 * mammals through the {@link VoiceSynth} source-filter model with species-like pitch and vocal
 * tract size (dog bark, cat meow, cow moo, sheep bleat, duck quack), birdsong as sequences of fast
 * frequency-modulated whistles, cricket chirps (pulsed 4-5 kHz carrier), frog croaks (pulse trains
 * through a resonance) and owl hoots (soft near-sinusoidal hoots).
 */
final class AnimalSounds {
    static final List<String> ANIMALS = List.of("dog", "cat", "cow", "sheep", "duck", "bird", "cricket", "frog", "owl");

    private AnimalSounds() {}

    static float[] make(String animal, double seconds, int sr, SplittableRandom rng) {
        int n = AudioOps.samples(seconds, sr);
        float[] y = new float[n];
        switch (animal) {
            case "dog" -> {
                VoiceSynth vs = new VoiceSynth(sr, Dsp.uniform(rng, 1.1, 1.5), 0.04, 0.15, 0.5);
                double f0 = Dsp.uniform(rng, 300, 600), t = Dsp.uniform(rng, 0.02, 0.2);
                int barks = 1 + rng.nextInt(4);
                for (int b = 0; b < barks; b++) {
                    List<Part> p = VoiceSynth.parts(
                            Part.of(Dsp.uniform(rng, 0.03, 0.05), f0 * 0.9, f0 * 1.15, UH, A).voice(1, 1).noise(0.6, 0.4).ramp(0.1),
                            Part.of(Dsp.uniform(rng, 0.08, 0.15), f0 * 1.15, f0 * 0.8, A, UH).voice(1, 0.5).noise(0.4, 0.6).decay(0.06).ramp(0.05));
                    AudioOps.addInto(y, vs.render(p, rng), (int) (t * sr), 1);
                    t += Dsp.uniform(rng, 0.25, 0.5);
                }
            }
            case "cat" -> {
                VoiceSynth vs = new VoiceSynth(sr, Dsp.uniform(rng, 1.5, 1.8), 0.02, 0.06, 0.6);
                double f0 = Dsp.uniform(rng, 450, 750), d = Dsp.uniform(rng, 0.5, 1.0);
                List<Part> p = VoiceSynth.parts(
                        Part.of(d * 0.25, f0 * 0.9, f0 * 1.25, I, E).noise(0.05, 0.05).ramp(0.3),
                        Part.of(d * 0.45, f0 * 1.25, f0 * 1.1, E, A).noise(0.05, 0.05).ramp(0.01),
                        Part.of(d * 0.3, f0 * 1.1, f0 * 0.75, A, U).noise(0.05, 0.1).ramp(0.3));
                AudioOps.addInto(y, vs.render(p, rng), (int) (Dsp.uniform(rng, 0.05, 0.6) * sr), 1);
            }
            case "cow" -> {
                VoiceSynth vs = new VoiceSynth(sr, Dsp.uniform(rng, 0.6, 0.75), 0.01, 0.05, 0.55);
                double f0 = Dsp.uniform(rng, 85, 150), d = Dsp.uniform(rng, 0.9, 1.6);
                List<Part> p = VoiceSynth.parts(
                        Part.of(d * 0.25, f0 * 0.95, f0 * 1.1, M, O).lowpass(1500).noise(0.05, 0.05).ramp(0.4),
                        Part.of(d * 0.75, f0 * 1.1, f0 * 0.8, O, U).lowpass(1500).noise(0.05, 0.1).ramp(0.3));
                AudioOps.addInto(y, vs.render(p, rng), (int) (Dsp.uniform(rng, 0.02, 0.3) * sr), 1);
            }
            case "sheep" -> {
                VoiceSynth vs = new VoiceSynth(sr, Dsp.uniform(rng, 1.0, 1.2), 0.03, 0.1, 0.6);
                double f0 = Dsp.uniform(rng, 220, 380), d = Dsp.uniform(rng, 0.5, 0.9), trem = Dsp.uniform(rng, 7, 12);
                List<Part> p = VoiceSynth.parts(
                        Part.of(d * 0.15, f0, f0 * 1.05, M, AE).noise(0.1, 0.1).ramp(0.3),
                        Part.of(d * 0.85, f0 * 1.05, f0 * 0.9, AE, A).noise(0.15, 0.2).tremolo(trem, 0.7).vibrato(trem, 0.04).ramp(0.2));
                AudioOps.addInto(y, vs.render(p, rng), (int) (Dsp.uniform(rng, 0.05, 0.8) * sr), 1);
            }
            case "duck" -> {
                VoiceSynth vs = new VoiceSynth(sr, Dsp.uniform(rng, 1.2, 1.5), 0.05, 0.2, 0.4);
                double f0 = Dsp.uniform(rng, 160, 300), t = Dsp.uniform(rng, 0.02, 0.3);
                int quacks = 2 + rng.nextInt(3);
                for (int q = 0; q < quacks; q++) {
                    List<Part> p = VoiceSynth.parts(Part.of(Dsp.uniform(rng, 0.12, 0.2), f0 * 1.1, f0 * 0.85, AE, A)
                            .noise(0.5, 0.6).voice(1, 0.8).decay(0.12).ramp(0.1));
                    AudioOps.addInto(y, vs.render(p, rng), (int) (t * sr), 1);
                    t += Dsp.uniform(rng, 0.22, 0.4);
                }
            }
            case "bird" -> birdsong(y, sr, rng, 0, n);
            case "cricket" -> {
                double carrier = Dsp.uniform(rng, 3800, 5200), pulseRate = Dsp.uniform(rng, 25, 45);
                int pulses = 2 + rng.nextInt(4);
                double chirpPeriod = Dsp.uniform(rng, 0.25, 0.6), t = Dsp.uniform(rng, 0, 0.2);
                while (t < seconds - 0.2) {
                    for (int k = 0; k < pulses; k++) {
                        int len = (int) (0.6 / pulseRate * sr), at = (int) ((t + k / pulseRate) * sr);
                        float[] s = Dsp.sineSweep(constant(len, carrier), sr);
                        Dsp.multiply(s, Dsp.bell(len, 0.2));
                        AudioOps.addInto(y, s, at, 1);
                    }
                    t += chirpPeriod * Dsp.uniform(rng, 0.95, 1.05);
                }
            }
            case "frog" -> {
                double res = Dsp.uniform(rng, 300, 1200), rate = Dsp.uniform(rng, 12, 40), t = Dsp.uniform(rng, 0.02, 0.3);
                while (t < seconds - 0.3) {
                    double dur = Dsp.uniform(rng, 0.15, 0.45);
                    for (double u = 0; u < dur; u += 1 / rate) {
                        EnvironmentalSounds.modes(y, (int) ((t + u) * sr), new double[] {res, res * 2.1, res * 0.5},
                                new double[] {1, 0.4, 0.5}, new double[] {0.012, 0.006, 0.01}, sr, rng);
                    }
                    t += dur + Dsp.uniform(rng, 0.2, 0.6);
                }
            }
            case "owl" -> {
                double f = Dsp.uniform(rng, 280, 450), t = Dsp.uniform(rng, 0.02, 0.3);
                int hoots = 2 + rng.nextInt(3);
                for (int h = 0; h < hoots && t < seconds - 0.2; h++) {
                    double d = h == 0 ? Dsp.uniform(rng, 0.25, 0.45) : Dsp.uniform(rng, 0.15, 0.3);
                    int len = (int) (d * sr);
                    double[] fr = new double[len];
                    for (int i = 0; i < len; i++) fr[i] = f * (1.02 - 0.05 * i / len);
                    float[] s = Dsp.sineSweep(fr, sr);
                    float[] s2 = Dsp.sineSweep(times(fr, 2), sr);
                    AudioOps.addInto(s, s2, 0, 0.15);
                    Dsp.multiply(s, Dsp.bell(len, 0.3));
                    AudioOps.addInto(y, s, (int) (t * sr), 1);
                    t += d + Dsp.uniform(rng, 0.08, 0.3);
                }
                AudioOps.addInto(y, Dsp.lowpass(Dsp.white(n, rng), 600, sr), 0, 0.01);
            }
            default -> throw new IllegalArgumentException("unknown animal '" + animal + "'; known: " + ANIMALS);
        }
        return y;
    }

    /** A bird phrase: a repeated syllable of fast FM whistles (2-7 kHz), sometimes followed by a trill. */
    static void birdsong(float[] y, int sr, SplittableRandom rng, int from, int to) {
        double t = from / (double) sr + Dsp.uniform(rng, 0.02, 0.3);
        double end = to / (double) sr;
        int notes = 2 + rng.nextInt(3);
        double[][] syl = new double[notes][];
        for (int k = 0; k < notes; k++) {
            double f = Dsp.uniform(rng, 2000, 6500);
            syl[k] = new double[] {f, f * Dsp.uniform(rng, 0.6, 1.5), Dsp.uniform(rng, 0.03, 0.1), Dsp.uniform(rng, 0, 0.03)};
        }
        int reps = 2 + rng.nextInt(5);
        for (int r = 0; r < reps && t < end - 0.15; r++) {
            for (double[] s : syl) {
                int len = (int) (s[2] * sr), at = (int) (t * sr);
                double[] fr = new double[len];
                for (int i = 0; i < len; i++) fr[i] = s[0] + (s[1] - s[0]) * i / len;
                float[] w = Dsp.sineSweep(fr, sr);
                Dsp.multiply(w, Dsp.bell(len, 0.2));
                AudioOps.addInto(y, w, at, 1);
                t += s[2] + s[3];
            }
            t += Dsp.uniform(rng, 0.04, 0.15);
        }
        if (rng.nextBoolean() && t < end - 0.3) { // trill
            double f = Dsp.uniform(rng, 3000, 6000), rate = Dsp.uniform(rng, 15, 30);
            int len = (int) (Dsp.uniform(rng, 0.2, 0.5) * sr), at = (int) (t * sr);
            double[] fr = new double[len];
            for (int i = 0; i < len; i++) fr[i] = f * (1 + 0.15 * Math.sin(2 * Math.PI * rate * i / sr));
            float[] w = Dsp.sineSweep(fr, sr);
            for (int i = 0; i < len; i++) w[i] *= (float) (0.5 + 0.5 * Math.sin(2 * Math.PI * rate * i / sr));
            Dsp.multiply(w, Dsp.bell(len, 0.6));
            AudioOps.addInto(y, w, at, 1);
        }
    }

    private static double[] constant(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static double[] times(double[] a, double g) {
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) b[i] = a[i] * g;
        return b;
    }
}
