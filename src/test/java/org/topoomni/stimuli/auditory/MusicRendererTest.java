package org.topoomni.stimuli.auditory;

import org.junit.jupiter.api.Test;
import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.Seeds;
import org.topoomni.stimuli.Stimulus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MusicRendererTest {
    private static final int SR = 16_000;
    private static final MusicRenderer R = new MusicRenderer();

    private static final List<MusicRenderer.Note> PHRASE = List.of(
            new MusicRenderer.Note(0, 60, 100, 0.00, 0.40), new MusicRenderer.Note(0, 64, 90, 0.45, 0.40),
            new MusicRenderer.Note(0, 67, 90, 0.90, 0.40), new MusicRenderer.Note(1, 48, 70, 0.00, 1.50));

    /**
     * Power-weighted fraction of the spectral peaks (50-4000 Hz, within 30 dB of the largest) that
     * lie within 25 cents of a harmonic (1-16) of one of the keys, the keys shifted by {@code cents}.
     */
    static double harmonicFraction(Audio a, int[] keys, double cents) {
        int nfft = 4096;
        double[] p = Spectra.welch(a.samples(), nfft);
        double bin = (double) a.sampleRate() / nfft;
        int lo = (int) (50 / bin), hi = (int) (4000 / bin);
        double max = 0;
        for (int j = lo; j <= hi; j++) max = Math.max(max, p[j]);
        double in = 0, total = 0;
        for (int j = Math.max(lo, 2); j <= hi; j++) {
            if (p[j] < max * 1e-3 || p[j] < p[j - 1] || p[j] < p[j - 2] || p[j] < p[j + 1] || p[j] < p[j + 2]) continue;
            double f = j * bin, w = p[j - 1] + p[j] + p[j + 1];
            total += w;
            boolean near = false;
            for (int k : keys) {
                double f0 = 440 * Math.pow(2, (k - 69 + cents / 100) / 12.0);
                for (int h = 1; h <= 16 && !near; h++) {
                    near = Math.abs(1200 * Math.log(f / (h * f0)) / Math.log(2)) <= 25 || Math.abs(f - h * f0) <= 1.5 * bin;
                }
            }
            if (near) in += w;
        }
        return total == 0 ? 0 : in / total;
    }

    @Test
    void rendersDeterministicallyAcrossCallsAndThreads() throws Exception {
        float[] a = R.render(Map.of(0, 0, 1, 0), PHRASE, SR, 2.0);
        float[] b = R.render(Map.of(0, 0, 1, 0), PHRASE, SR, 2.0);
        assertArrayEquals(a, b);
        assertEquals(2 * SR, a.length);
        ExecutorService ex = Executors.newFixedThreadPool(2);
        try {
            List<Future<float[]>> fs = new ArrayList<>();
            for (int i = 0; i < 4; i++) fs.add(ex.submit(() -> R.render(Map.of(0, 0, 1, 0), PHRASE, SR, 2.0)));
            for (Future<float[]> f : fs) assertArrayEquals(a, f.get());
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void notesSoundAtTheirScheduledTimesAndPitches() {
        // one violin A4 from 0.5 s to 1.5 s: silence before, a harmonic spectrum on 440 Hz during
        float[] x = R.render(Map.of(0, 40), List.of(new MusicRenderer.Note(0, 69, 100, 0.5, 1.0)), SR, 2.0);
        double before = AudioOps.rms(Arrays.copyOfRange(x, 0, (int) (0.45 * SR)));
        double during = AudioOps.rms(Arrays.copyOfRange(x, (int) (0.6 * SR), (int) (1.4 * SR)));
        assertTrue(before < 1e-4 && during > 0.01, "before " + before + ", during " + during);
        Audio note = new Audio(Arrays.copyOfRange(x, (int) (0.6 * SR), (int) (1.4 * SR)), SR);
        assertTrue(harmonicFraction(note, new int[] {69}, 0) > 0.95);
        double peak = Spectra.peakFrequency(note.samples(), SR);
        double h = Math.round(peak / 440.0);
        assertTrue(h >= 1 && Math.abs(peak - 440 * h) < 0.01 * 440 * h, "strongest partial at " + peak + " Hz");
    }

    @Test
    void everyInstrumentsMusicHasItsEnergyAtHarmonicPartials() {
        AuditoryGenerator gen = new AuditoryGenerator();
        int n = AuditoryGenerator.subLabels("music").size();
        double shifted = 0;
        for (int i = 0; i < n; i++) {
            Stimulus s = gen.generate("music", i, 1, Seeds.item(9, "auditory", "music", i));
            int[] keys = Arrays.stream(s.attributes().get("midi_keys").split(" ")).mapToInt(Integer::parseInt).toArray();
            double f = harmonicFraction(s.audio(), keys, 0);
            assertTrue(f > 0.9, s.attributes() + ": only " + f + " of the spectral peak power is at harmonics of its notes");
            assertTrue(AudioChecks.activeFraction(s.audio()) > 0.5, s.attributes() + " is mostly silent");
            shifted += harmonicFraction(s.audio(), keys, 50) / n;
        }
        // control: the same measure with every note a quarter tone off explains little of the power
        assertTrue(shifted < 0.3, "quarter-tone control explains " + shifted);
    }

    @Test
    void everyInstrumentExistsInTheSoundFont() {
        for (Melodies.Gm g : Melodies.INSTRUMENTS) assertTrue(!R.instrumentName(g.program()).isEmpty(), g.label());
    }

    @Test
    void clearErrors() {
        assertThrows(IllegalArgumentException.class, () -> new MusicRenderer.Note(9, 60, 100, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new MusicRenderer.Note(0, 128, 100, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new MusicRenderer.Note(0, 60, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new MusicRenderer.Note(0, 60, 100, -1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> R.render(Map.of(0, 0), List.of(new MusicRenderer.Note(2, 60, 100, 0, 1)), SR, 1));
        assertTrue(e.getMessage().contains("channel 2"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> new MusicRenderer(Path.of("/no/such.sf2")).render(Map.of(0, 0), PHRASE.subList(0, 1), SR, 1));
        assertTrue(s.getMessage().contains("/no/such.sf2") && s.getMessage().contains("apt-get install timgm6mb-soundfont"));
    }
}
