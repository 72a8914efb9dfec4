package org.topoomni.stimuli.auditory;

import org.junit.jupiter.api.Test;
import org.topoomni.stimuli.Seeds;
import org.topoomni.stimuli.Stimulus;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToneGeneratorTest {
    private static final ToneGenerator GEN = new ToneGenerator();

    @Test
    void atLeastEightLogSpacedFrequenciesFrom200Hz() {
        double[] f = GEN.frequencies();
        assertTrue(f.length >= 8);
        assertEquals(200, f[0]);
        assertTrue(f[f.length - 1] >= 6000 && f[f.length - 1] < 8000);
        for (int i = 1; i < f.length; i++) {
            double ratio = f[i] / f[i - 1], ideal = Math.pow(f[f.length - 1] / f[0], 1.0 / (f.length - 1));
            assertEquals(ideal, ratio, 0.05 * ideal, "spacing " + f[i - 1] + " -> " + f[i]);
        }
        assertEquals("tone_0200hz", GEN.categories().get(0));
        assertEquals("tone_7000hz", GEN.categories().get(f.length - 1));
    }

    @Test
    void everyToneClipPeaksAtItsNominalFrequency() {
        for (String c : GEN.categories()) {
            double nominal = GEN.frequencyOf(c);
            for (int index = 0; index < ToneGenerator.PATTERNS.size(); index++) {
                Stimulus s = GEN.generate(c, index, 1, Seeds.item(1, "tonotopy", c, index));
                String what = c + " #" + index + " " + s.attributes();
                AudioChecks.assertValidClip(s.audio(), 16_000, 2.0, what);
                double peak = Spectra.peakFrequency(s.audio().samples(), 16_000);
                assertEquals(nominal, peak, Math.max(2, 0.005 * nominal), what);
                assertEquals(Long.toString(Math.round(nominal)), s.attributes().get("frequency_hz"));
                // a pure tone: almost all power within a few per cent of the nominal frequency
                double[] psd = Spectra.welch(s.audio().samples(), 1024);
                double in = 0, all = 0;
                for (int k = 0; k < psd.length; k++) {
                    double hz = k * 16_000.0 / 1024;
                    all += psd[k];
                    if (Math.abs(hz - nominal) <= Math.max(60, 0.05 * nominal)) in += psd[k];
                }
                assertTrue(in / all > 0.95, what + ": only " + in / all + " of the power near the tone");
            }
        }
    }

    @Test
    void exemplarsVaryAndAreDeterministic() {
        String c = GEN.categories().get(3);
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < 8; i++) hashes.add(AudioChecks.sha256(GEN.generate(c, i, 1, Seeds.item(2, "tonotopy", c, i)).audio()));
        assertEquals(8, hashes.size());
        for (String cat : GEN.categories()) {
            long seed = Seeds.item(5, "tonotopy", cat, 2);
            assertArrayEquals(AudioChecks.pcmBytes(GEN.generate(cat, 2, 1, seed).audio()), AudioChecks.pcmBytes(GEN.generate(cat, 2, 1, seed).audio()));
            assertFalse(Arrays.equals(AudioChecks.pcmBytes(GEN.generate(cat, 2, 1, seed).audio()),
                    AudioChecks.pcmBytes(GEN.generate(cat, 2, 1, seed + 1).audio())));
        }
    }

    @Test
    void customFrequenciesAndBadInput() {
        ToneGenerator g = new ToneGenerator(44_100, 1.0, 10, new double[] {250, 8000});
        assertEquals(List.of("tone_0250hz", "tone_8000hz"), g.categories());
        Stimulus s = g.generate("tone_8000hz", 0, 1, 3);
        assertEquals(8000, Spectra.peakFrequency(s.audio().samples(), 44_100), 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ToneGenerator(16_000, 2, 10, new double[] {200, 8000}));
        assertTrue(e.getMessage().contains("8000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(16_000, 2, 10, new double[] {200, 200}));
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(16_000, 2, 10, new double[0]));
        e = assertThrows(IllegalArgumentException.class, () -> GEN.generate("tone_0201hz", 0, 1, 1));
        assertTrue(e.getMessage().contains("unknown tonotopy category"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GEN.generate("tone_0200hz", -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> GEN.generate("tone_0200hz", 0, 0, 1));
        assertEquals("tonotopy", GEN.family());
        assertEquals("synthesised", GEN.source("tone_0200hz"));
    }
}
