package org.topoomni.stimuli.auditory;

import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.Provenance;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusGenerator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Pure tones for tonotopic mapping (family "tonotopy"): one category per frequency, by default
 * eight roughly log-spaced frequencies from 200 to 7,000 Hz (ratio about 1.66). Human tonotopy is
 * mapped with such tone or narrow-band stimuli at several frequencies and a preferred-frequency
 * map (Formisano et al. 2003; Humphries et al. 2010). Exemplars differ in the temporal pattern
 * (regular pip trains, irregular pips, one long tone, an amplitude-modulated tone), pip duration,
 * onset, phase and level, but never in frequency, so every category has a single spectral peak at
 * its nominal frequency. 8,000 Hz is the Nyquist frequency at 16 kHz, so the top default is
 * 7,000 Hz; a caller with a higher sample rate may ask for 8,000 Hz and above.
 */
public final class ToneGenerator implements StimulusGenerator {
    public static final String FAMILY = "tonotopy";
    public static final double[] DEFAULT_FREQUENCIES_HZ = {200, 330, 550, 900, 1500, 2500, 4200, 7000};
    public static final List<String> PATTERNS = List.of("pip_train", "irregular_pips", "long_tone", "am_tone");
    /** Peak level range, dB re full scale. */
    public static final double MIN_LEVEL_DBFS = -20, MAX_LEVEL_DBFS = -6;
    /** Rise/fall of every pip (raised cosine). */
    public static final double RAMP_MS = 5;

    private final int sampleRate;
    private final double seconds;
    private final double fadeMs;
    private final double[] frequencies;
    private final List<String> categories;

    /** 16 kHz, 2.0 s, 10 ms fades, the default frequencies. */
    public ToneGenerator() {
        this(AuditoryGenerator.DEFAULT_SAMPLE_RATE, AuditoryGenerator.DEFAULT_SECONDS, AuditoryGenerator.DEFAULT_FADE_MS,
                DEFAULT_FREQUENCIES_HZ);
    }

    /** @param frequencies distinct tone frequencies in Hz, each below 0.45 x the sample rate */
    public ToneGenerator(int sampleRate, double seconds, double fadeMs, double[] frequencies) {
        if (sampleRate < 8000 || sampleRate > 96000) throw new IllegalArgumentException("sample rate must be 8000-96000 Hz, got " + sampleRate);
        if (!(seconds >= 0.5 && seconds <= 10)) throw new IllegalArgumentException("clip length must be 0.5-10 s, got " + seconds);
        if (!(fadeMs >= 0 && fadeMs <= 100)) throw new IllegalArgumentException("fade must be 0-100 ms, got " + fadeMs);
        if (frequencies == null || frequencies.length == 0) throw new IllegalArgumentException("no tone frequencies given");
        List<String> cats = new ArrayList<>();
        for (double f : frequencies) {
            if (!(f >= 20 && f <= 0.45 * sampleRate)) {
                throw new IllegalArgumentException("tone frequency " + f + " Hz is outside 20 Hz - " + 0.45 * sampleRate
                        + " Hz (0.45 x the " + sampleRate + " Hz sample rate)");
            }
            String name = categoryOf(f);
            if (cats.contains(name)) throw new IllegalArgumentException("tone frequency " + f + " Hz is given twice");
            cats.add(name);
        }
        this.sampleRate = sampleRate;
        this.seconds = seconds;
        this.fadeMs = fadeMs;
        this.frequencies = frequencies.clone();
        this.categories = List.copyOf(cats);
    }

    /** Category name of a frequency, e.g. 330 Hz -> "tone_0330hz". */
    public static String categoryOf(double hz) {
        return String.format("tone_%04dhz", Math.round(hz));
    }

    public double[] frequencies() {
        return frequencies.clone();
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public List<String> categories() {
        return categories;
    }

    @Override
    public String source(String category) {
        frequencyOf(category);
        return "synthesised";
    }

    /** The frequency (Hz) of a category. */
    public double frequencyOf(String category) {
        int i = categories.indexOf(category);
        if (i < 0) throw new IllegalArgumentException("unknown tonotopy category '" + category + "'; known: " + categories);
        return frequencies[i];
    }

    @Override
    public Stimulus generate(String category, int index, int run, long seed) {
        double f = frequencyOf(category);
        if (index < 0) throw new IllegalArgumentException("exemplar index must be >= 0, got " + index);
        if (run < 1) throw new IllegalArgumentException("run must be >= 1, got " + run);
        SplittableRandom rng = new SplittableRandom(seed);
        int n = AudioOps.samples(seconds, sampleRate);
        String pattern = PATTERNS.get(index % PATTERNS.size());
        double levelDb = Dsp.uniform(rng, MIN_LEVEL_DBFS, MAX_LEVEL_DBFS);
        double amp = Math.pow(10, levelDb / 20);
        float[] y = new float[n];
        Map<String, String> at = new TreeMap<>();
        int pips = 0;
        double pipMs;
        double onset = Dsp.uniform(rng, 0, 0.2);
        switch (pattern) {
            case "pip_train" -> {
                pipMs = Dsp.uniform(rng, 50, 250);
                double soa = pipMs / 1000 + Dsp.uniform(rng, 0.05, 0.25);
                for (double t = onset; t + pipMs / 1000 <= seconds - 0.01; t += soa, pips++) pip(y, t, pipMs, f, amp, rng);
            }
            case "irregular_pips" -> {
                double t = onset;
                double sum = 0;
                while (true) {
                    double d = Dsp.uniform(rng, 40, 200);
                    if (t + d / 1000 > seconds - 0.01) break;
                    pip(y, t, d, f, amp, rng);
                    pips++;
                    sum += d;
                    t += d / 1000 + Dsp.uniform(rng, 0.03, 0.35);
                }
                pipMs = pips == 0 ? 0 : sum / pips;
            }
            case "long_tone" -> {
                pipMs = 1000 * Dsp.uniform(rng, 0.8, seconds - onset - 0.05);
                pip(y, onset, pipMs, f, amp, rng);
                pips = 1;
            }
            default -> { // am_tone
                pipMs = 1000 * Dsp.uniform(rng, 1.0, seconds - onset - 0.05);
                pip(y, onset, pipMs, f, amp, rng);
                double rate = Dsp.uniform(rng, 2, 8), depth = Dsp.uniform(rng, 0.5, 1.0);
                for (int i = 0; i < n; i++) y[i] *= (float) (1 - depth * (0.5 - 0.5 * Math.cos(2 * Math.PI * rate * i / sampleRate)));
                at.put("am_rate_hz", String.format("%.1f", rate));
                pips = 1;
            }
        }
        AudioOps.fade(y, (int) Math.round(fadeMs * sampleRate / 1000));
        at.put("frequency_hz", Long.toString(Math.round(f)));
        at.put("pattern", pattern);
        at.put("pips", Integer.toString(pips));
        at.put("pip_ms", String.format("%.0f", pipMs));
        at.put("level_dbfs_peak", String.format("%.1f", levelDb));
        String id = String.format("%s-%04d", category, index);
        return new Stimulus(id, category, run, null, new Audio(y, sampleRate), null, at, Provenance.generated(FAMILY, seed));
    }

    /** Adds a tone pip of {@code ms} at time t with raised-cosine ramps and a random starting phase. */
    private void pip(float[] y, double t, double ms, double f, double amp, SplittableRandom rng) {
        int a = (int) Math.round(t * sampleRate), len = (int) Math.round(ms * sampleRate / 1000);
        len = Math.min(len, y.length - a);
        if (len <= 0) return;
        double ph = rng.nextDouble() * 2 * Math.PI, w = 2 * Math.PI * f / sampleRate;
        for (int i = 0; i < len; i++) y[a + i] += (float) (amp * Math.sin(w * i + ph));
        AudioOps.fade(y, a, a + len, (int) Math.round(RAMP_MS * sampleRate / 1000));
    }

    @Override
    public String toString() {
        return "ToneGenerator" + Arrays.toString(frequencies);
    }
}
