package org.topoomni.stimuli.auditory;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Non-vocal environmental sounds for the voice localizer's "non-vocal" condition (Pernet et al.
 * 2015 used natural, mechanical and animal sounds): physically motivated synthesis of impacts
 * (modal synthesis: sums of exponentially damped sinusoids), water (van den Doel's rising-pitch
 * bubbles), rain (drops over filtered noise), wind (band noise with slowly wandering centre and
 * level), engines (firing-rate pulse trains through body resonances), bells (inharmonic partials),
 * typing, bird/insect-like FM chirps, sirens, footsteps, glass clinks and applause. Each method
 * returns the raw sound; the caller places it in the clip and sets its level.
 */
final class EnvironmentalSounds {
    static final List<String> SOUNDS = List.of("knock", "impact", "water", "rain", "wind", "engine", "bell", "typing",
            "chirps", "siren", "footsteps", "glass", "applause");

    private EnvironmentalSounds() {}

    /** Makes {@code seconds} of {@code sound} (one of {@link #SOUNDS}). */
    static float[] make(String sound, double seconds, int sr, SplittableRandom rng) {
        int n = AudioOps.samples(seconds, sr);
        return switch (sound) {
            case "knock" -> knock(n, sr, rng);
            case "impact" -> impact(n, sr, rng);
            case "water" -> water(n, sr, rng, Dsp.uniform(rng, 60, 250));
            case "rain" -> rain(n, sr, rng, Dsp.uniform(rng, 150, 600));
            case "wind" -> wind(n, sr, rng);
            case "engine" -> engine(n, sr, rng);
            case "bell" -> bell(n, sr, rng);
            case "typing" -> typing(n, sr, rng);
            case "chirps" -> chirps(n, sr, rng);
            case "siren" -> siren(n, sr, rng);
            case "footsteps" -> footsteps(n, sr, rng, Dsp.uniform(rng, 0.38, 0.6));
            case "glass" -> glass(n, sr, rng);
            case "applause" -> applause(n, sr, rng, Dsp.uniform(rng, 15, 60));
            default -> throw new IllegalArgumentException("unknown non-vocal kind '" + sound + "'; known: " + SOUNDS);
        };
    }

    /** Sum of damped sinusoids (modes) added into y at offset: frequencies, amplitudes, decay times (s). */
    static void modes(float[] y, int offset, double[] f, double[] a, double[] tau, int sr, SplittableRandom rng) {
        for (int m = 0; m < f.length; m++) {
            if (f[m] >= 0.48 * sr) continue;
            double w = 2 * Math.PI * f[m] / sr, ph = rng.nextDouble() * 2 * Math.PI;
            int len = (int) Math.min(y.length - offset, 6 * tau[m] * sr);
            double d = Math.exp(-1.0 / (tau[m] * sr));
            double env = a[m];
            for (int i = 0; i < len; i++) {
                int k = offset + i;
                if (k >= 0) y[k] += (float) (env * Math.sin(w * i + ph) * Math.min(1.0, i / (0.0005 * sr)));
                env *= d;
            }
        }
    }

    /** A short burst of noise, band-limited, added at offset. */
    static void burst(float[] y, int offset, double ms, double centre, double q, double gain, int sr, SplittableRandom rng) {
        int len = Math.max(2, (int) (ms * sr / 1000));
        float[] b = Dsp.white(len, rng);
        b = Dsp.bandpass(b, centre, q, sr);
        float[] e = Dsp.attackDecay(len, Math.max(1, len / 10), ms / 4000.0, sr);
        Dsp.multiply(b, e);
        AudioOps.addInto(y, b, offset, gain);
    }

    static float[] knock(int n, int sr, SplittableRandom rng) {
        float[] y = new float[n];
        int knocks = 2 + rng.nextInt(4);
        double gap = Dsp.uniform(rng, 0.12, 0.25);
        double base = Dsp.uniform(rng, 120, 300);
        double[] f = {base, base * Dsp.uniform(rng, 2.2, 2.9), base * Dsp.uniform(rng, 4.5, 6.5), Dsp.uniform(rng, 1500, 3000)};
        double[] a = {1, 0.6, 0.3, 0.15};
        double[] tau = {Dsp.uniform(rng, 0.03, 0.07), 0.025, 0.015, 0.008};
        int t = (int) (Dsp.uniform(rng, 0.05, 0.3) * sr);
        for (int k = 0; k < knocks && t < n; k++) {
            modes(y, t, f, scaled(a, Dsp.uniform(rng, 0.7, 1.0)), tau, sr, rng);
            burst(y, t, 3, 2000, 0.7, 0.3, sr, rng);
            t += (int) (gap * Dsp.uniform(rng, 0.85, 1.15) * sr);
        }
        return y;
    }

    static float[] impact(int n, int sr, SplittableRandom rng) {
        float[] y = new float[n];
        boolean metal = rng.nextBoolean();
        int modes = 6;
        double[] f = new double[modes], a = new double[modes], tau = new double[modes];
        double base = metal ? Dsp.logUniform(rng, 300, 1500) : Dsp.logUniform(rng, 100, 500);
        for (int m = 0; m < modes; m++) {
            f[m] = base * (m == 0 ? 1 : Dsp.uniform(rng, 1.3, 7.5));
            a[m] = Dsp.uniform(rng, 0.2, 1) / (1 + m * 0.3);
            tau[m] = metal ? Dsp.uniform(rng, 0.2, 0.9) / (1 + 0.2 * m) : Dsp.uniform(rng, 0.02, 0.08) / (1 + 0.2 * m);
        }
        int t = (int) (Dsp.uniform(rng, 0.05, 0.3) * sr);
        // a dropped object bounces: shorter gaps, weaker hits
        int bounces = 1 + rng.nextInt(4);
        double gap = Dsp.uniform(rng, 0.18, 0.35), amp = 1;
        for (int k = 0; k < bounces && t < n; k++) {
            modes(y, t, f, scaled(a, amp), tau, sr, rng);
            burst(y, t, 2, 3000, 0.5, 0.4 * amp, sr, rng);
            t += (int) (gap * sr);
            gap *= 0.6;
            amp *= 0.55;
        }
        return y;
    }

    private static double[] scaled(double[] a, double g) {
        double[] b = a.clone();
        for (int i = 0; i < b.length; i++) b[i] *= g;
        return b;
    }

    /** Van den Doel (2005) bubble: damped sinusoid whose pitch rises while it decays. */
    static void bubble(float[] y, int offset, double f0, double amp, int sr) {
        double d = 0.043 * f0 + 0.0014 * Math.pow(f0, 1.5); // damping (1/s)
        double rise = 0.1 * d; // pitch rise rate
        int len = (int) Math.min(y.length - offset, 5.0 / d * sr);
        double ph = 0;
        for (int i = 0; i < len; i++) {
            double t = (double) i / sr;
            double f = f0 * (1 + rise * t);
            ph += 2 * Math.PI * f / sr;
            y[offset + i] += (float) (amp * Math.exp(-d * t) * Math.sin(ph));
        }
    }

    static float[] water(int n, int sr, SplittableRandom rng, double bubblesPerSecond) {
        float[] y = Dsp.lowpass(Dsp.white(n, rng), Dsp.uniform(rng, 1500, 4000), sr);
        AudioOps.scale(y, 0.08);
        double lo = Dsp.uniform(rng, 300, 800), hi = lo * Dsp.uniform(rng, 3, 6);
        double t = 0;
        while (true) {
            t += -Math.log(1 - rng.nextDouble()) / bubblesPerSecond;
            int k = (int) (t * sr);
            if (k >= n) break;
            bubble(y, k, Dsp.logUniform(rng, lo, hi), Dsp.uniform(rng, 0.1, 0.5), sr);
        }
        return y;
    }

    static float[] rain(int n, int sr, SplittableRandom rng, double dropsPerSecond) {
        float[] y = Dsp.highpass(Dsp.white(n, rng), Dsp.uniform(rng, 500, 1500), sr);
        y = Dsp.lowpass(y, Dsp.uniform(rng, 5000, 7500), sr);
        AudioOps.scale(y, Dsp.uniform(rng, 0.1, 0.25));
        double t = 0;
        while (true) {
            t += -Math.log(1 - rng.nextDouble()) / dropsPerSecond;
            int k = (int) (t * sr);
            if (k >= n) break;
            double amp = Math.pow(rng.nextDouble(), 2);
            if (rng.nextDouble() < 0.3) bubble(y, k, Dsp.logUniform(rng, 1500, 5000), 0.3 * amp, sr);
            else burst(y, k, Dsp.uniform(rng, 1, 4), Dsp.uniform(rng, 2000, 6000), 1, amp, sr, rng);
        }
        return y;
    }

    static float[] wind(int n, int sr, SplittableRandom rng) {
        float[] noise = Dsp.white(n, rng);
        float[] y = new float[n];
        double base = Dsp.uniform(rng, 250, 800), q = Dsp.uniform(rng, 0.8, 2.5);
        double centre = base, level = 0.5, cTarget = base, lTarget = 0.5;
        Dsp.Biquad bp1 = Dsp.Biquad.bandpass(centre, q, sr), bp2 = Dsp.Biquad.bandpass(centre, q, sr);
        int block = 64, gust = sr / 4;
        double a = 1 - Math.exp(-(double) block / (0.35 * sr)); // ~0.35 s smoothing of gusts
        for (int i = 0; i < n; i++) {
            if (i % gust == 0) { // new gust targets four times a second
                cTarget = base * Math.exp(Dsp.uniform(rng, -0.6, 0.8));
                lTarget = Dsp.uniform(rng, 0.15, 1.0);
            }
            if (i % block == 0) {
                centre += a * (cTarget - centre);
                level += a * (lTarget - level);
                bp1 = retune(bp1, centre, q, sr);
                bp2 = retune(bp2, centre, q, sr);
            }
            y[i] = (float) (bp2.step(bp1.step(noise[i])) * level);
        }
        float[] rumble = Dsp.lowpass4(Dsp.white(n, rng), 100, sr);
        AudioOps.addInto(y, rumble, 0, 0.8);
        return y;
    }

    /** A band-pass with a new centre that keeps the old filter's state (no click). */
    private static Dsp.Biquad retune(Dsp.Biquad old, double centre, double q, int sr) {
        Dsp.Biquad nb = Dsp.Biquad.bandpass(centre, q, sr);
        nb.x1 = old.x1; nb.x2 = old.x2; nb.y1 = old.y1; nb.y2 = old.y2;
        return nb;
    }

    static float[] engine(int n, int sr, SplittableRandom rng) {
        double fStart = Dsp.uniform(rng, 20, 55), fEnd = fStart * Dsp.uniform(rng, 0.7, 1.8);
        double[] body = {Dsp.uniform(rng, 150, 350), Dsp.uniform(rng, 500, 900), Dsp.uniform(rng, 1200, 2000)};
        float[] src = new float[n];
        double ph = 0;
        int cylinders = 2 + rng.nextInt(4);
        double[] cylAmp = new double[cylinders];
        for (int c = 0; c < cylinders; c++) cylAmp[c] = Dsp.uniform(rng, 0.6, 1.0);
        int fire = 0;
        for (int i = 0; i < n; i++) {
            double f = fStart + (fEnd - fStart) * i / n;
            ph += f / sr;
            if (ph >= 1) {
                ph -= 1;
                src[i] = (float) (cylAmp[fire++ % cylinders] * (1 + 0.1 * Dsp.gauss(rng)));
            }
        }
        float[] y = new float[n];
        for (int b = 0; b < body.length; b++) {
            AudioOps.addInto(y, Dsp.Biquad.bandpass(body[b], 4, sr).process(src), 0, 1.0 / (1 + b));
        }
        AudioOps.addInto(y, Dsp.lowpass(src, 150, sr), 0, 2.0);
        y = Dsp.lowpass4(y, Dsp.uniform(rng, 1200, 2500), sr); // the engine block and exhaust muffle the highs
        float[] hiss = Dsp.bandpass2(Dsp.white(n, rng), Dsp.uniform(rng, 1500, 3000), 1, sr);
        AudioOps.addInto(y, hiss, 0, 0.05 * AudioOps.rms(y) / Math.max(1e-12, AudioOps.rms(hiss)));
        double am = Dsp.uniform(rng, 0.5, 3);
        for (int i = 0; i < n; i++) y[i] *= (float) (0.85 + 0.15 * Math.sin(2 * Math.PI * am * i / sr));
        return y;
    }

    static float[] bell(int n, int sr, SplittableRandom rng) {
        float[] y = new float[n];
        boolean chime = rng.nextBoolean();
        double base = chime ? Dsp.logUniform(rng, 700, 2000) : Dsp.logUniform(rng, 300, 900);
        double[] ratios = chime ? new double[] {1, 2.76, 5.40, 8.93} // free-free bar (tubular chime)
                : new double[] {0.5, 1, 1.183, 1.506, 2.0, 2.514, 2.662}; // church bell: hum, prime, tierce, quint, nominal...
        int strikes = 1 + rng.nextInt(3);
        int t = (int) (Dsp.uniform(rng, 0.02, 0.2) * sr);
        for (int s = 0; s < strikes && t < n; s++) {
            double[] f = new double[ratios.length], a = new double[ratios.length], tau = new double[ratios.length];
            double pitch = base * (chime ? Math.pow(2, rng.nextInt(8) / 12.0) : 1);
            for (int m = 0; m < ratios.length; m++) {
                f[m] = pitch * ratios[m] * (1 + 0.003 * Dsp.gauss(rng));
                a[m] = Dsp.uniform(rng, 0.3, 1) / Math.sqrt(1 + m);
                tau[m] = Dsp.uniform(rng, 0.6, 2.0) / (1 + 0.4 * m * ratios[m] / ratios[ratios.length - 1]);
            }
            modes(y, t, f, a, tau, sr, rng);
            burst(y, t, 2, 3000, 0.7, 0.1, sr, rng);
            t += (int) (Dsp.uniform(rng, 0.35, 0.8) * sr);
        }
        return y;
    }

    static float[] typing(int n, int sr, SplittableRandom rng) {
        float[] y = new float[n];
        double t = Dsp.uniform(rng, 0.02, 0.2), rate = Dsp.uniform(rng, 5, 10);
        double keyF = Dsp.uniform(rng, 2000, 4500);
        while (t < seconds(n, sr)) {
            int k = (int) (t * sr);
            boolean space = rng.nextDouble() < 0.15;
            burst(y, k, Dsp.uniform(rng, 1.5, 4), space ? keyF * 0.4 : keyF * Dsp.uniform(rng, 0.8, 1.25), 1.5,
                    Dsp.uniform(rng, 0.5, 1), sr, rng);
            modes(y, k, new double[] {space ? 400 : Dsp.uniform(rng, 900, 1400)}, new double[] {0.15}, new double[] {0.01}, sr, rng);
            burst(y, k + (int) (Dsp.uniform(rng, 0.03, 0.07) * sr), 2, keyF * 1.2, 1.5, 0.3, sr, rng); // key release
            t += -Math.log(1 - rng.nextDouble()) / rate + 0.05;
        }
        return y;
    }

    static double seconds(int n, int sr) {
        return (double) n / sr;
    }

    static float[] chirps(int n, int sr, SplittableRandom rng) {
        float[] y = new float[n];
        double dur = Dsp.uniform(rng, 0.03, 0.12), gap = Dsp.uniform(rng, 0.03, 0.12);
        double f1 = Dsp.uniform(rng, 1800, 5000), f2 = f1 * Dsp.uniform(rng, 0.5, 1.8), curve = Dsp.uniform(rng, 0.5, 2);
        double t = Dsp.uniform(rng, 0.02, 0.3), end = seconds(n, sr);
        while (t < end - 0.2) { // bouts of 3-8 chirps separated by pauses
            int count = 3 + rng.nextInt(6);
            for (int c = 0; c < count; c++) {
                int len = (int) (dur * sr), k = (int) (t * sr);
                if (k + len >= n) break;
                double[] fr = new double[len];
                for (int i = 0; i < len; i++) fr[i] = f1 + (f2 - f1) * Math.pow((double) i / len, curve);
                float[] s = Dsp.sineSweep(fr, sr);
                Dsp.multiply(s, Dsp.bell(len, 0.3));
                AudioOps.addInto(y, s, k, Dsp.uniform(rng, 0.6, 1));
                t += dur + gap * Dsp.uniform(rng, 0.8, 1.2);
            }
            t += Dsp.uniform(rng, 0.15, 0.5);
        }
        return y;
    }

    static float[] siren(int n, int sr, SplittableRandom rng) {
        boolean twoTone = rng.nextBoolean();
        double lo = Dsp.uniform(rng, 500, 800), hi = lo * Dsp.uniform(rng, 1.3, 2.0), period = Dsp.uniform(rng, 0.6, 2.5);
        double[] fr = new double[n];
        double ph0 = rng.nextDouble();
        for (int i = 0; i < n; i++) {
            double u = ((double) i / sr / period + ph0) % 1.0;
            fr[i] = twoTone ? (u < 0.5 ? lo : hi) : lo + (hi - lo) * (0.5 - 0.5 * Math.cos(2 * Math.PI * u));
        }
        float[] y = new float[n];
        double ph = 0;
        for (int i = 0; i < n; i++) {
            ph += 2 * Math.PI * fr[i] / sr;
            double s = 0;
            for (int h = 1; h <= 5; h++) s += Math.sin(h * ph) / (h * h * 0.6 + 0.4);
            y[i] = (float) s;
        }
        return y;
    }

    static float[] footsteps(int n, int sr, SplittableRandom rng, double interval) {
        float[] y = new float[n];
        boolean gravel = rng.nextBoolean();
        double t = Dsp.uniform(rng, 0.03, 0.25);
        while (t < seconds(n, sr) - 0.05) {
            int k = (int) (t * sr);
            modes(y, k, new double[] {Dsp.uniform(rng, 70, 130), Dsp.uniform(rng, 250, 400)}, new double[] {1, 0.4},
                    new double[] {0.03, 0.015}, sr, rng); // heel thud
            if (gravel) {
                for (int g = 0; g < 25; g++) {
                    burst(y, k + (int) (Dsp.uniform(rng, 0, 0.09) * sr), Dsp.uniform(rng, 0.5, 2), Dsp.uniform(rng, 1500, 6000), 1,
                            Dsp.uniform(rng, 0.05, 0.3), sr, rng);
                }
            } else {
                burst(y, k + (int) (0.06 * sr), 4, Dsp.uniform(rng, 1500, 3000), 1, 0.5, sr, rng); // toe click on a hard floor
            }
            t += interval * Dsp.uniform(rng, 0.92, 1.08);
        }
        return y;
    }

    static float[] glass(int n, int sr, SplittableRandom rng) {
        float[] y = new float[n];
        int clinks = 1 + rng.nextInt(3);
        double t = Dsp.uniform(rng, 0.02, 0.3);
        for (int c = 0; c < clinks && t < seconds(n, sr); c++) {
            double base = Dsp.uniform(rng, 1800, 3500);
            double[] f = {base, base * Dsp.uniform(rng, 2.3, 2.8), base * Dsp.uniform(rng, 1.4, 1.7)};
            modes(y, (int) (t * sr), f, new double[] {1, 0.4, 0.5}, new double[] {Dsp.uniform(rng, 0.2, 0.6), 0.1, 0.2}, sr, rng);
            t += Dsp.uniform(rng, 0.15, 0.5);
        }
        return y;
    }

    static float[] applause(int n, int sr, SplittableRandom rng, double clapsPerSecond) {
        float[] y = new float[n];
        double t = 0;
        while (true) {
            t += -Math.log(1 - rng.nextDouble()) / clapsPerSecond;
            int k = (int) (t * sr);
            if (k >= n) break;
            burst(y, k, Dsp.uniform(rng, 5, 15), Dsp.uniform(rng, 800, 3000), Dsp.uniform(rng, 1, 3), Dsp.uniform(rng, 0.3, 1), sr, rng);
        }
        return y;
    }
}
