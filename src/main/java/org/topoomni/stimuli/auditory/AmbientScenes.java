package org.topoomni.stimuli.auditory;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Auditory scenes (soundscapes) for scene image + ambient sound pairs: each is a steady bed
 * (traffic rumble, surf, leaves, room tone...) with a few foreground events drawn from the same
 * synthesisers as the non-vocal and animal sounds (a passing car, gulls, birds, typing, cups,
 * crickets, train wheel clacks). Unlike the non-vocal class, which holds single sources, every
 * scene mixes several sources over the whole clip.
 */
final class AmbientScenes {
    static final List<String> SCENES = List.of("street", "beach", "forest", "office", "cafe", "night", "river", "train");

    private AmbientScenes() {}

    static float[] make(String scene, double seconds, int sr, SplittableRandom rng) {
        int n = AudioOps.samples(seconds, sr);
        float[] y = new float[n];
        switch (scene) {
            case "street" -> {
                add(y, Dsp.lowpass(Dsp.brown(n, rng), 300, sr), 0.5);
                float[] car = EnvironmentalSounds.engine(n, sr, rng);
                passBy(car, sr, rng);
                add(y, car, 0.6);
                if (rng.nextBoolean()) {
                    float[] horn = EnvironmentalSounds.siren(AudioOps.samples(Dsp.uniform(rng, 0.2, 0.5), sr), sr, rng);
                    Dsp.multiply(horn, Dsp.bell(horn.length, 0.8));
                    AudioOps.addInto(y, horn, (int) (Dsp.uniform(rng, 0.1, 1.4) * sr), 0.15);
                }
                add(y, EnvironmentalSounds.footsteps(n, sr, rng, Dsp.uniform(rng, 0.4, 0.6)), 0.1);
            }
            case "beach" -> {
                float[] surf = Dsp.lowpass4(Dsp.white(n, rng), Dsp.uniform(rng, 800, 2500), sr);
                // a wave breaks at a random time in the clip: fast rise, slow wash back
                double crest = Dsp.uniform(rng, 0.2, 1.4), rise = Dsp.uniform(rng, 0.15, 0.4), fall = Dsp.uniform(rng, 0.5, 1.2);
                for (int i = 0; i < n; i++) {
                    double t = (double) i / sr, d = t < crest ? (crest - t) / rise : (t - crest) / fall;
                    surf[i] *= (float) (0.2 + 0.8 * Math.exp(-d * d));
                }
                add(y, surf, 1);
                if (rng.nextBoolean()) add(y, gull(n, sr, rng), 0.25);
                add(y, EnvironmentalSounds.wind(n, sr, rng), 0.2);
            }
            case "forest" -> {
                float[] leaves = Dsp.bandpass(Dsp.white(n, rng), Dsp.uniform(rng, 2000, 5000), 0.8, sr);
                add(y, leaves, 0.15);
                add(y, EnvironmentalSounds.wind(n, sr, rng), 0.3);
                float[] birds = new float[n];
                int k = 1 + rng.nextInt(3);
                for (int b = 0; b < k; b++) AnimalSounds.birdsong(birds, sr, rng, 0, n);
                add(y, birds, 0.35);
            }
            case "office" -> {
                add(y, hum(n, sr, rng), 0.2);
                add(y, Dsp.lowpass(Dsp.white(n, rng), 400, sr), 0.1); // ventilation
                add(y, EnvironmentalSounds.typing(n, sr, rng), 0.4);
                if (rng.nextBoolean()) {
                    float[] beep = Dsp.sineSweep(fill(AudioOps.samples(0.15, sr), Dsp.uniform(rng, 800, 1600)), sr);
                    Dsp.multiply(beep, Dsp.bell(beep.length, 0.8));
                    AudioOps.addInto(y, beep, (int) (Dsp.uniform(rng, 0.2, 1.6) * sr), 0.05);
                }
            }
            case "cafe" -> {
                add(y, babble(n, sr, rng, 4 + rng.nextInt(4)), 1);
                int clinks = 1 + rng.nextInt(3);
                for (int c = 0; c < clinks; c++) {
                    float[] g = EnvironmentalSounds.glass(AudioOps.samples(0.6, sr), sr, rng);
                    AudioOps.addInto(y, g, (int) (Dsp.uniform(rng, 0, 1.4) * sr), 0.3);
                }
            }
            case "night" -> {
                add(y, AnimalSounds.make("cricket", seconds, sr, rng), 0.3);
                if (rng.nextBoolean()) add(y, AnimalSounds.make("cricket", seconds, sr, rng), 0.2);
                if (rng.nextBoolean()) add(y, AnimalSounds.make("frog", seconds, sr, rng), 0.3);
                add(y, Dsp.lowpass(Dsp.white(n, rng), 500, sr), 0.03);
            }
            case "river" -> {
                add(y, EnvironmentalSounds.water(n, sr, rng, Dsp.uniform(rng, 300, 800)), 1);
                if (rng.nextBoolean()) {
                    float[] birds = new float[n];
                    AnimalSounds.birdsong(birds, sr, rng, 0, n);
                    add(y, birds, 0.2);
                }
            }
            case "train" -> {
                add(y, Dsp.lowpass(Dsp.brown(n, rng), 200, sr), 0.6);
                double speed = Dsp.uniform(rng, 0.35, 0.8), t = Dsp.uniform(rng, 0, 0.3); // clack-clack of the wheels
                float[] clacks = new float[n];
                while (t < seconds) {
                    for (double dt : new double[] {0, 0.11}) {
                        int k = (int) ((t + dt) * sr);
                        if (k < n) EnvironmentalSounds.modes(clacks, k, new double[] {Dsp.uniform(rng, 180, 260), 900, 2100},
                                new double[] {1, 0.4, 0.2}, new double[] {0.05, 0.02, 0.01}, sr, rng);
                    }
                    t += speed;
                }
                add(y, clacks, 0.5);
                add(y, Dsp.bandpass(Dsp.white(n, rng), Dsp.uniform(rng, 2500, 4000), 3, sr), 0.05); // rail squeal/hiss
            }
            default -> throw new IllegalArgumentException("unknown scene '" + scene + "'; known: " + SCENES);
        }
        return y;
    }

    private static void add(float[] y, float[] x, double gain) {
        double r = AudioOps.rms(x);
        if (r > 0) AudioOps.addInto(y, x, 0, gain * 0.1 / r);
    }

    /** Shapes x with the level of a vehicle passing by: loudest at a random time, quieter far away. */
    private static void passBy(float[] x, int sr, SplittableRandom rng) {
        double tc = Dsp.uniform(rng, 0.3, 1.7), w = Dsp.uniform(rng, 0.3, 0.8);
        for (int i = 0; i < x.length; i++) {
            double u = ((double) i / sr - tc) / w;
            x[i] *= (float) (0.15 + 0.85 * Math.exp(-u * u));
        }
    }

    private static float[] hum(int n, int sr, SplittableRandom rng) {
        double mains = rng.nextBoolean() ? 50 : 60;
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / sr;
            y[i] = (float) (Math.sin(2 * Math.PI * mains * t) + 0.5 * Math.sin(2 * Math.PI * 2 * mains * t)
                    + 0.3 * Math.sin(2 * Math.PI * 3 * mains * t));
        }
        return y;
    }

    private static float[] gull(int n, int sr, SplittableRandom rng) {
        float[] y = new float[n];
        VoiceSynth vs = new VoiceSynth(sr, 1.6, 0.03, 0.1, 0.5);
        double t = Dsp.uniform(rng, 0.1, 0.8), f0 = Dsp.uniform(rng, 700, 1000);
        int calls = 2 + rng.nextInt(3);
        for (int c = 0; c < calls; c++) {
            List<VoiceSynth.Part> p = VoiceSynth.parts(VoiceSynth.Part.of(Dsp.uniform(rng, 0.12, 0.2), f0 * 1.2, f0 * 0.9,
                    VoiceSynth.AE, VoiceSynth.A).noise(0.2, 0.2).ramp(0.2));
            AudioOps.addInto(y, vs.render(p, rng), (int) (t * sr), 1);
            t += Dsp.uniform(rng, 0.18, 0.3);
        }
        return y;
    }

    /** Distant babble: several formant "talkers" saying random vowel-like syllables, low-passed. */
    private static float[] babble(int n, int sr, SplittableRandom rng, int talkers) {
        float[] y = new float[n];
        VoiceSynth.Vowel[] vowels = {VoiceSynth.A, VoiceSynth.E, VoiceSynth.I, VoiceSynth.O, VoiceSynth.U, VoiceSynth.AE,
                VoiceSynth.SCHWA, VoiceSynth.UH};
        for (int k = 0; k < talkers; k++) {
            VocalSounds.Speaker s = VocalSounds.Speaker.random(rng);
            VoiceSynth vs = new VoiceSynth(sr, s.tract(), s.jitter(), s.shimmer(), s.openQuotient());
            List<VoiceSynth.Part> parts = VoiceSynth.parts(VoiceSynth.Part.silence(Dsp.uniform(rng, 0, 0.3)));
            double total = 0;
            VoiceSynth.Vowel prev = Dsp.pick(rng, vowels);
            double f = s.f0();
            while (total < (double) n / sr) {
                VoiceSynth.Vowel next = Dsp.pick(rng, vowels);
                double d = Dsp.uniform(rng, 0.08, 0.25), nf = s.f0() * Dsp.uniform(rng, 0.85, 1.25);
                parts.add(VoiceSynth.Part.of(d, f, nf, prev, next).noise(0.05, 0.05).ramp(0.25));
                if (rng.nextDouble() < 0.2) parts.add(VoiceSynth.Part.silence(Dsp.uniform(rng, 0.05, 0.3)));
                total += d;
                prev = next;
                f = nf;
            }
            float[] v = vs.render(parts, rng);
            AudioOps.addInto(y, Dsp.lowpass(v, 2500, sr), 0, Dsp.uniform(rng, 0.3, 1));
        }
        return y;
    }

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
