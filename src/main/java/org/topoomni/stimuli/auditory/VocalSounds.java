package org.topoomni.stimuli.auditory;

import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.Resampler;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.topoomni.stimuli.auditory.VoiceSynth.A;
import static org.topoomni.stimuli.auditory.VoiceSynth.AE;
import static org.topoomni.stimuli.auditory.VoiceSynth.E;
import static org.topoomni.stimuli.auditory.VoiceSynth.I;
import static org.topoomni.stimuli.auditory.VoiceSynth.M;
import static org.topoomni.stimuli.auditory.VoiceSynth.O;
import static org.topoomni.stimuli.auditory.VoiceSynth.SCHWA;
import static org.topoomni.stimuli.auditory.VoiceSynth.U;
import static org.topoomni.stimuli.auditory.VoiceSynth.UH;
import static org.topoomni.stimuli.auditory.VoiceSynth.Part;

/**
 * Human non-speech vocalisations for the voice localizer's "vocal" condition (Belin et al. 2000;
 * Pernet et al. 2015): laughs, hums, sighs, cries, coughs, "mm-hmm", sustained "aah" and "ooh",
 * gasps, yawns, screams and throat clearing. Most are made with {@link VoiceSynth} (glottal pulses
 * through formants) for a random speaker (man, woman or child: f0, vocal-tract length, breathiness,
 * jitter); about a third are espeak-ng interjections spoken from phonemes ("ha ha ha", "mm hmm",
 * "uh huh", "aah", "ahem"...) so that the vocal class also shares the speech class's voices.
 */
final class VocalSounds {
    static final List<String> VOCALISATIONS = List.of("laugh", "hum", "sigh", "cry", "cough", "mm-hmm", "aah", "ooh",
            "gasp", "yawn", "scream", "throat_clear");

    /** espeak-ng phoneme strings per vocalisation (Kirshenbaum notation inside [[ ]]). */
    private static final Map<String, String[]> ESPEAK = Map.ofEntries(
            Map.entry("laugh", new String[] {"[[h'a h'a h'a h'a]]", "[[h'a:h'a:h'a:h'a:h'a:]]", "[[h'i: h'i: h'i:]]",
                    "[[h'o: h'o: h'o:]]", "[[h'@h@h@h@]]"}),
            Map.entry("hum", new String[] {"[[m::::::]]", "[[m'm::m::]]", "[[,m'm:m:m:]]"}),
            Map.entry("mm-hmm", new String[] {"[[,m'm h'm]]", "[[,Vh'V]]", "[[m'm: h@m]]"}),
            Map.entry("aah", new String[] {"[['a::::::]]", "[['a:::a::]]", "[[,a:'a::]]"}),
            Map.entry("ooh", new String[] {"[['u::::::]]", "[['o:::u::]]", "[[,u:'u::]]"}),
            Map.entry("sigh", new String[] {"[[h'a::::]]", "[[h'@:::]]"}),
            Map.entry("throat_clear", new String[] {"[[@h'@m]]", "[[,@h'Em]]"}),
            Map.entry("cough", new String[] {"[[k'@h k'@h]]", "[[x'@ x'@]]"}),
            Map.entry("cry", new String[] {"[[w'a:::a:]]", "[[,u:'a:::]]"}),
            Map.entry("yawn", new String[] {"[[h'a:::o:m]]"}),
            Map.entry("gasp", new String[] {"[[h'a]]"}),
            Map.entry("scream", new String[] {"[['a::::::]]", "[['i:::::]]"}));

    private static final String[] ESPEAK_VOICES = {"en-us", "en-gb", "en-us+m3", "en-us+f2", "en-gb+f4", "en-us+m7",
            "en-gb-scotland", "en-029", "en-us+f5", "en-gb-x-rp+m2"};

    private VocalSounds() {}

    /** A rendered vocalisation (not yet fitted to the clip length) and its labels. */
    record Made(float[] samples, Map<String, String> attributes) {}

    /**
     * Makes one {@code vocalisation} (one of {@link #VOCALISATIONS}), repeated by the same voice
     * (with fresh random detail each time, separated by 0.1-0.4 s pauses) until it lasts 0.9-1.7 s
     * or has been made four times, so that vocal clips fill about as much of the clip as the other
     * categories.
     */
    static Made make(String vocalisation, int sr, SplittableRandom rng, boolean allowEspeak) {
        if (!VOCALISATIONS.contains(vocalisation)) throw new IllegalArgumentException("unknown vocal kind '" + vocalisation + "'; known: " + VOCALISATIONS);
        Map<String, String> at = new TreeMap<>();
        at.put("kind", vocalisation);
        double target = Dsp.uniform(rng, 0.9, 1.7);
        float[] out = new float[0];
        int reps = 0;
        if (allowEspeak && rng.nextDouble() < 1.0 / 3) {
            String voice = Dsp.pick(rng, ESPEAK_VOICES);
            int pitch = vocalisation.equals("scream") || vocalisation.equals("cry") ? 70 + rng.nextInt(30) : 10 + rng.nextInt(80);
            int wpm = 110 + rng.nextInt(90);
            StringBuilder said = new StringBuilder();
            int rate = 0; // espeak-ng's own rate: pieces are trimmed and joined there, then resampled once
            while (reps < 4 && (rate == 0 || out.length < target * rate)) {
                String text = Dsp.pick(rng, ESPEAK.get(vocalisation));
                Audio a = Espeak.speak(new Espeak.Request(text, voice, wpm, pitch));
                rate = a.sampleRate();
                out = append(out, trim(a.samples()), reps == 0 ? 0 : Dsp.uniform(rng, 0.1, 0.4), rate);
                said.append(reps == 0 ? "" : " ").append(text);
                reps++;
            }
            out = Resampler.resample(out, rate, sr);
            at.put("method", "espeak-ng");
            at.put("voice", voice);
            at.put("pitch", Integer.toString(pitch));
            at.put("phonemes", said.toString());
        } else {
            Speaker s = Speaker.random(rng);
            at.put("method", "formant");
            at.put("speaker", s.label);
            VoiceSynth vs = new VoiceSynth(sr, s.tract, s.jitter * (vocalisation.equals("cry") || vocalisation.equals("scream") ? 2.5 : 1),
                    s.shimmer, s.openQuotient);
            while (reps < 4 && out.length < target * sr) {
                out = append(out, vs.render(formantParts(vocalisation, s.f0 * Dsp.uniform(rng, 0.93, 1.07), rng), rng),
                        reps == 0 ? 0 : Dsp.uniform(rng, 0.1, 0.4), sr);
                reps++;
            }
        }
        at.put("repeats", Integer.toString(reps));
        return new Made(out, at);
    }

    private static float[] append(float[] a, float[] b, double gapSeconds, int sr) {
        int gap = a.length == 0 ? 0 : (int) Math.round(gapSeconds * sr);
        float[] y = new float[a.length + gap + b.length];
        System.arraycopy(a, 0, y, 0, a.length);
        System.arraycopy(b, 0, y, a.length + gap, b.length);
        return y;
    }

    /** The parts of one formant-synthesised vocalisation for a speaker with base pitch f0. */
    private static List<Part> formantParts(String vocalisation, double f0, SplittableRandom rng) {
        List<Part> p = VoiceSynth.parts();
        switch (vocalisation) {
            case "laugh" -> {
                int syl = 3 + rng.nextInt(5);
                double start = f0 * Dsp.uniform(rng, 1.3, 1.8), end = f0 * Dsp.uniform(rng, 0.9, 1.2);
                VoiceSynth.Vowel v = Dsp.pick(rng, new VoiceSynth.Vowel[] {A, AE, E, UH});
                for (int k = 0; k < syl; k++) {
                    double ff = start + (end - start) * k / Math.max(1, syl - 1);
                    double loud = 1 - 0.5 * k / syl;
                    p.add(Part.of(Dsp.uniform(rng, 0.04, 0.07), ff, ff, v, v).voice(0, 0.1).noise(0.8, 0.8).gain(0.7 * loud).ramp(0.3));
                    p.add(Part.of(Dsp.uniform(rng, 0.08, 0.14), ff * 1.05, ff * 0.9, v, v).voice(1, 0.8).noise(0.25, 0.3).gain(loud).ramp(0.2));
                    p.add(Part.silence(Dsp.uniform(rng, 0.02, 0.06)));
                }
            }
            case "hum" -> {
                int notes = 3 + rng.nextInt(4);
                double cur = f0 * Dsp.uniform(rng, 0.9, 1.2);
                for (int k = 0; k < notes; k++) {
                    double next = cur * Math.pow(2, (rng.nextInt(7) - 3) / 12.0);
                    p.add(Part.of(Dsp.uniform(rng, 0.2, 0.4), cur, next, M, M).voice(1, 1).noise(0.02, 0.02)
                            .lowpass(900).vibrato(5.5, 0.01).ramp(k == 0 ? 0.2 : 0.02));
                    cur = next;
                }
            }
            case "sigh" -> {
                double d = Dsp.uniform(rng, 0.8, 1.4);
                p.add(Part.of(0.15, f0 * 1.3, f0 * 1.25, A, A).voice(0, 0.2).noise(0.5, 0.9).ramp(0.6));
                p.add(Part.of(d, f0 * 1.25, f0 * 0.75, A, SCHWA).voice(0.4, 0.05).noise(0.9, 0.2).ramp(0.3));
            }
            case "cry" -> {
                int wails = 2 + rng.nextInt(3);
                for (int k = 0; k < wails; k++) {
                    double hi = f0 * Dsp.uniform(rng, 1.8, 2.6);
                    VoiceSynth.Vowel a = Dsp.pick(rng, new VoiceSynth.Vowel[] {A, AE, E}), b = Dsp.pick(rng, new VoiceSynth.Vowel[] {U, O, UH});
                    p.add(Part.of(Dsp.uniform(rng, 0.12, 0.2), hi * 0.9, hi * 1.1, a, a).voice(0.9, 1).noise(0.3, 0.2).vibrato(6.5, 0.03).ramp(0.3));
                    p.add(Part.of(Dsp.uniform(rng, 0.2, 0.4), hi * 1.1, hi * 0.7, a, b).voice(1, 0.6).noise(0.2, 0.3).vibrato(6.5, 0.04).ramp(0.2));
                    p.add(Part.of(Dsp.uniform(rng, 0.08, 0.16), f0, f0, I, I).voice(0, 0).noise(0.6, 0.8).gain(0.5).ramp(0.4)); // inhale
                }
            }
            case "cough" -> {
                int n = 1 + rng.nextInt(3);
                for (int k = 0; k < n; k++) {
                    p.add(Part.silence(Dsp.uniform(rng, 0.03, 0.08)));
                    p.add(Part.of(Dsp.uniform(rng, 0.15, 0.25), f0 * 1.2, f0 * 0.9, SCHWA, UH).voice(0.6, 0.2).noise(2.0, 0.6)
                            .decay(Dsp.uniform(rng, 0.04, 0.07)).ramp(0.03));
                    p.add(Part.silence(Dsp.uniform(rng, 0.1, 0.25)));
                }
            }
            case "mm-hmm" -> {
                double g = Dsp.uniform(rng, 0.12, 0.2);
                p.add(Part.of(Dsp.uniform(rng, 0.15, 0.25), f0 * 1.05, f0, M, M).lowpass(900).noise(0.02, 0.02).ramp(0.2));
                p.add(Part.of(g * 0.4, f0, f0, SCHWA, SCHWA).voice(0, 0).noise(0.7, 0.7).ramp(0.3));
                p.add(Part.of(Dsp.uniform(rng, 0.2, 0.35), f0 * 0.95, f0 * Dsp.uniform(rng, 1.2, 1.45), M, M).lowpass(900).noise(0.02, 0.02).ramp(0.2));
            }
            case "aah" -> {
                double d = Dsp.uniform(rng, 0.6, 1.5), glide = Dsp.uniform(rng, 0.8, 1.25);
                p.add(Part.of(d, f0, f0 * glide, A, A).noise(0.08, 0.12).vibrato(Dsp.uniform(rng, 4.5, 6.5), Dsp.uniform(rng, 0, 0.02)).ramp(0.12));
            }
            case "ooh" -> {
                double d = Dsp.uniform(rng, 0.5, 1.0);
                VoiceSynth.Vowel v = rng.nextBoolean() ? U : O;
                p.add(Part.of(d * 0.5, f0 * 1.1, f0 * 1.5, v, v).noise(0.06, 0.06).ramp(0.2));
                p.add(Part.of(d * 0.5, f0 * 1.5, f0 * 0.9, v, U).noise(0.06, 0.1).ramp(0.2));
            }
            case "gasp" -> {
                double d = Dsp.uniform(rng, 0.2, 0.4);
                p.add(Part.of(d, f0 * 1.5, f0 * 1.7, AE, A).voice(0, 0.3).noise(0.5, 1.2).ramp(0.4));
            }
            case "yawn" -> {
                double d = Dsp.uniform(rng, 1.0, 1.6);
                p.add(Part.of(d * 0.4, f0 * 1.0, f0 * 1.6, A, A).voice(0.5, 1).noise(0.4, 0.2).ramp(0.4));
                p.add(Part.of(d * 0.6, f0 * 1.6, f0 * 0.7, A, O).voice(1, 0.4).noise(0.2, 0.5).ramp(0.4));
            }
            case "scream" -> {
                double d = Dsp.uniform(rng, 0.5, 1.1), hi = f0 * Dsp.uniform(rng, 2.5, 3.5);
                VoiceSynth.Vowel v = Dsp.pick(rng, new VoiceSynth.Vowel[] {A, AE, I});
                p.add(Part.of(d, hi, hi * Dsp.uniform(rng, 0.8, 1.1), v, v).noise(0.2, 0.3).vibrato(Dsp.uniform(rng, 5, 8), 0.03).ramp(0.1));
            }
            case "throat_clear" -> {
                p.add(Part.of(Dsp.uniform(rng, 0.08, 0.14), f0 * 0.8, f0 * 0.8, SCHWA, SCHWA).voice(0.3, 0.5).noise(1.2, 1.0).ramp(0.1));
                p.add(Part.of(Dsp.uniform(rng, 0.15, 0.25), f0 * 0.9, f0 * 0.8, SCHWA, M).voice(1, 0.8).noise(0.3, 0.05).ramp(0.15));
            }
            default -> throw new IllegalArgumentException("unknown vocal kind '" + vocalisation + "'; known: " + VOCALISATIONS);
        }
        return p;
    }

    /** Drops leading and trailing near-silence (below -50 dB re peak). */
    static float[] trim(float[] x) {
        double thr = AudioOps.peak(x) * 0.003;
        int a = AudioOps.firstAbove(x, thr), b = AudioOps.lastAbove(x, thr);
        if (b <= a) return x;
        float[] y = new float[b - a];
        System.arraycopy(x, a, y, 0, y.length);
        return y;
    }

    /** A random speaker: adult man, adult woman or child. */
    record Speaker(String label, double f0, double tract, double jitter, double shimmer, double openQuotient) {
        static Speaker random(SplittableRandom rng) {
            int t = rng.nextInt(5);
            if (t < 2) {
                return new Speaker("man", Dsp.uniform(rng, 95, 145), Dsp.uniform(rng, 0.95, 1.05), Dsp.uniform(rng, 0.005, 0.015),
                        Dsp.uniform(rng, 0.03, 0.08), Dsp.uniform(rng, 0.45, 0.65));
            }
            if (t < 4) {
                return new Speaker("woman", Dsp.uniform(rng, 175, 245), Dsp.uniform(rng, 1.12, 1.22), Dsp.uniform(rng, 0.005, 0.015),
                        Dsp.uniform(rng, 0.03, 0.08), Dsp.uniform(rng, 0.55, 0.75));
            }
            return new Speaker("child", Dsp.uniform(rng, 240, 320), Dsp.uniform(rng, 1.25, 1.35), Dsp.uniform(rng, 0.008, 0.02),
                    Dsp.uniform(rng, 0.04, 0.09), Dsp.uniform(rng, 0.55, 0.75));
        }
    }
}
