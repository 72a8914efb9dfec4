package org.topoomni.stimuli.auditory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.topoomni.stimuli.Seeds;
import org.topoomni.stimuli.Stimulus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditoryGeneratorTest {
    private static final AuditoryGenerator GEN = new AuditoryGenerator();
    private static final int SR = AuditoryGenerator.DEFAULT_SAMPLE_RATE;

    static List<String> categories() {
        return AuditoryGenerator.CATEGORIES;
    }

    private static Stimulus make(String category, int index, long seed) {
        return GEN.generate(category, index, 1 + index % 2, Seeds.item(seed, "auditory", category, index));
    }

    @ParameterizedTest
    @MethodSource("categories")
    void sameSeedGivesIdenticalPcmAndAnotherSeedDifferentPcm(String category) {
        Stimulus a = make(category, 3, 42), b = make(category, 3, 42), c = make(category, 3, 43);
        assertArrayEquals(AudioChecks.pcmBytes(a.audio()), AudioChecks.pcmBytes(b.audio()), category + ": same seed, different PCM");
        assertEquals(a.attributes(), b.attributes());
        assertFalse(Arrays.equals(AudioChecks.pcmBytes(a.audio()), AudioChecks.pcmBytes(c.audio())), category + ": seed ignored");
    }

    @ParameterizedTest
    @MethodSource("categories")
    void everyCategoryMakesValidTwoSecondClips(String category) {
        for (int index : new int[] {0, 1, 2, 7}) {
            Stimulus s = make(category, index, 7);
            String what = category + " #" + index + " " + s.attributes();
            AudioChecks.assertValidClip(s.audio(), SR, 2.0, what);
            assertEquals(category, s.category());
            assertEquals(1 + index % 2, s.run());
            assertNull(s.image());
            assertNull(s.text());
            assertEquals("auditory", s.provenance().generator());
            double level = Double.parseDouble(s.attributes().get("level_dbfs"));
            assertTrue(level >= AuditoryGenerator.MIN_LEVEL_DBFS - 0.1 || AudioOps.peak(s.audio().samples()) >= AudioOps.PEAK_LIMIT - 1e-6,
                    what + ": level " + level);
            assertTrue(level <= AuditoryGenerator.MAX_LEVEL_DBFS + 0.1, what);
            // 10 ms fades: the clip starts and ends at (near) zero
            assertTrue(Math.abs(s.audio().samples()[0]) < 1e-3 && Math.abs(s.audio().samples()[SR * 2 - 1]) < 1e-3, what);
        }
    }

    @Test
    void idsAreUniqueAndSubLabelsCycleWithTheIndex() {
        for (String c : List.of("nonvocal", "animal_sounds", "ambient", "vocal", "music")) {
            List<String> labels = AuditoryGenerator.subLabels(c);
            String key = switch (c) {
                case "music" -> "instrument";
                case "animal_sounds" -> "animal";
                case "ambient" -> "scene";
                default -> "kind";
            };
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < labels.size(); i++) {
                Stimulus s = make(c, i, 5);
                assertEquals(labels.get(i), s.attributes().get(key), c + " #" + i);
                assertTrue(seen.add(s.id()));
            }
        }
        assertTrue(AuditoryGenerator.subLabels("music").size() >= 8);
        assertTrue(AuditoryGenerator.subLabels("nonvocal").containsAll(List.of("knock", "water", "wind", "engine", "bell", "chirps")));
    }

    @Test
    void speechIsMostlyVoicedAndLabelled() {
        Set<String> voices = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            Stimulus s = make("speech", i, 11);
            assertTrue(AudioChecks.activeFraction(s.audio()) > 0.5, "speech #" + i + " is mostly silent");
            voices.add(s.attributes().get("voice"));
            int wpm = Integer.parseInt(s.attributes().get("rate_wpm"));
            assertTrue(wpm >= 130 && wpm <= 210);
            assertFalse(s.attributes().get("transcript").isBlank());
        }
        assertTrue(voices.size() >= 5, "voices vary: " + voices);
    }

    @Test
    void quiltedSpeechRecordsItsSegmentLength() {
        Stimulus s = make("quilted_speech", 0, 3);
        assertEquals(SpeechQuilter.DEFAULT_SEGMENT_MS, Double.parseDouble(s.attributes().get("segment_ms")), 3);
        AuditoryGenerator longSegments = new AuditoryGenerator(SR, 2.0, 10, 480, MusicRenderer.DEFAULT_SOUNDFONT);
        Stimulus t = longSegments.generate("quilted_speech", 0, 1, 3);
        assertEquals(4, Integer.parseInt(t.attributes().get("segments")));
    }

    @Test
    void musicIsLabelledWithInstrumentAndTempo() {
        Stimulus s = make("music", 9, 1);
        assertEquals("cello", s.attributes().get("instrument"));
        int bpm = Integer.parseInt(s.attributes().get("tempo_bpm"));
        assertTrue(bpm >= 72 && bpm <= 168, "tempo " + bpm);
        assertTrue(s.attributes().get("key").matches("[A-G][#b]? (major|minor)"), s.attributes().get("key"));
    }

    @Test
    void isThreadSafe() throws Exception {
        List<String> cats = List.of("speech", "music", "vocal", "nonvocal", "quilted_speech", "ambient");
        List<byte[]> sequential = new ArrayList<>();
        for (String c : cats) sequential.add(AudioChecks.pcmBytes(make(c, 1, 99).audio()));
        ExecutorService ex = Executors.newFixedThreadPool(3);
        try {
            List<Future<byte[]>> parallel = new ArrayList<>();
            for (int rep = 0; rep < 2; rep++) {
                for (String c : cats) parallel.add(ex.submit(() -> AudioChecks.pcmBytes(make(c, 1, 99).audio())));
            }
            for (int i = 0; i < parallel.size(); i++) {
                assertArrayEquals(sequential.get(i % cats.size()), parallel.get(i).get(), cats.get(i % cats.size()) + " differs across threads");
            }
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void rejectsBadInputWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GEN.generate("speach", 0, 1, 1));
        assertTrue(e.getMessage().contains("unknown auditory category 'speach'") && e.getMessage().contains("speech"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GEN.generate("speech", -1, 1, 1));
        assertTrue(e.getMessage().contains("index"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GEN.generate("music", 0, 0, 1));
        assertTrue(e.getMessage().contains("run"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GEN.generate(null, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> GEN.source("faces"));
        assertThrows(IllegalArgumentException.class, () -> new AuditoryGenerator(4000, 2, 10, 60, MusicRenderer.DEFAULT_SOUNDFONT));
        assertThrows(IllegalArgumentException.class, () -> new AuditoryGenerator(SR, 0, 10, 60, MusicRenderer.DEFAULT_SOUNDFONT));
        assertThrows(IllegalArgumentException.class, () -> new AuditoryGenerator(SR, 2, 10, 10, MusicRenderer.DEFAULT_SOUNDFONT));
        assertThrows(IllegalArgumentException.class, () -> new AuditoryGenerator(SR, 1, 10, 960, MusicRenderer.DEFAULT_SOUNDFONT));
        AuditoryGenerator noFont = new AuditoryGenerator(SR, 2, 10, 60, Path.of("/nonexistent/font.sf2"));
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> noFont.generate("music", 0, 1, 1));
        assertTrue(s.getMessage().contains("apt-get install timgm6mb-soundfont"), s.getMessage());
    }

    @Test
    void familyCategoriesAndSources() {
        assertEquals("auditory", GEN.family());
        assertTrue(GEN.categories().containsAll(List.of("speech", "quilted_speech", "vocal", "nonvocal", "music")));
        assertEquals("espeak-ng", GEN.source("speech"));
        assertEquals("midi", GEN.source("music"));
        assertEquals("synthesised", GEN.source("nonvocal"));
    }

    @Test
    void otherRatesAndLengthsAreHonoured() {
        AuditoryGenerator g = new AuditoryGenerator(22_050, 1.5, 5, 60, MusicRenderer.DEFAULT_SOUNDFONT);
        for (String c : List.of("speech", "music", "nonvocal")) {
            AudioChecks.assertValidClip(g.generate(c, 0, 1, 5).audio(), 22_050, 1.5, c + " at 22,050 Hz");
        }
    }
}
