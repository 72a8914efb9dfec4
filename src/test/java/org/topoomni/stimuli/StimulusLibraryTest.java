package org.topoomni.stimuli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.stimuli.text.TextGenerator;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class StimulusLibraryTest {
    @TempDir
    Path tmp;

    private static Families testFamilies() {
        return new Families()
                .register("visual", TestGenerators.Shapes::new)
                .register("auditory", TestGenerators.Tones::new)
                .register("text", TextGenerator::new);
    }

    private static Map<String, byte[]> tree(Path dir) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return m;
    }

    @Test
    void everyFamilyIsWrittenAndTheOutputDoesNotDependOnThreads() throws Exception {
        Map<String, StimulusLibrary.Result> r1 = new StimulusLibrary(testFamilies()).threads(1)
                .generate(tmp.resolve("one"), 5, 2, Set.of(), Progress.NONE);
        new StimulusLibrary(testFamilies()).threads(3).generate(tmp.resolve("three"), 5, 2, Set.of(), Progress.NONE);
        assertEquals(List.of("visual", "auditory", "text", "audiovisual", "pool"), List.copyOf(r1.keySet()));
        Map<String, byte[]> a = tree(tmp.resolve("one")), b = tree(tmp.resolve("three"));
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
        StimulusSet text = StimulusSet.load(tmp.resolve("one/text"), true);
        assertEquals(6 * 2 + 2 * 32, text.items().size()); // corpus gets 32x
        assertEquals(Map.of("1", 1, "2", 1, "3", 0, "4", 0), text.manifest().categories().get("sentences").perRun());
        assertEquals("template", text.manifest().categories().get("false_belief").source());
        assertFalse(r1.get("text").skipped());
        assertEquals(text.items().size(), r1.get("text").items());
    }

    @Test
    void pairedCategoriesShareSeedsSoNonwordsMatchTheirSentence() {
        Map<String, StimulusLibrary.Result> r = new StimulusLibrary(testFamilies()).generate(tmp.resolve("lib"), 9, 3,
                Set.of("text"), Progress.NONE);
        assertEquals(Set.of("text"), r.keySet());
        StimulusSet set = StimulusSet.load(tmp.resolve("lib/text"));
        for (int i = 0; i < 3; i++) {
            Map<String, String> s = set.items("sentences").get(i).attributes(), n = set.items("nonwords").get(i).attributes();
            assertEquals(s.get("words"), n.get("words"));
            assertEquals(s.get("template"), n.get("template"));
        }
    }

    @Test
    void aCompleteFamilyIsSkippedAndAChangedOneRegenerated() throws Exception {
        StimulusLibrary lib = new StimulusLibrary(testFamilies());
        lib.generate(tmp.resolve("lib"), 1, 2, Set.of("visual", "pool"), Progress.NONE);
        Path mf = tmp.resolve("lib/visual/manifest.json");
        long before = Files.getLastModifiedTime(mf).toMillis();
        Files.setLastModifiedTime(mf, java.nio.file.attribute.FileTime.fromMillis(before - 10_000));
        Map<String, StimulusLibrary.Result> again = lib.generate(tmp.resolve("lib"), 1, 2, Set.of("visual", "pool"), Progress.NONE);
        assertTrue(again.get("visual").skipped());
        assertTrue(again.get("pool").skipped());
        assertEquals(before - 10_000, Files.getLastModifiedTime(mf).toMillis());
        // a missing file makes the set incomplete
        Files.delete(tmp.resolve("lib/visual/faces/v_faces_1.png"));
        assertFalse(lib.generate(tmp.resolve("lib"), 1, 2, Set.of("visual"), Progress.NONE).get("visual").skipped());
        assertTrue(Files.exists(tmp.resolve("lib/visual/faces/v_faces_1.png")));
        // another seed or count regenerates
        assertFalse(lib.generate(tmp.resolve("lib"), 2, 2, Set.of("visual"), Progress.NONE).get("visual").skipped());
        assertFalse(lib.generate(tmp.resolve("lib"), 2, 3, Set.of("visual"), Progress.NONE).get("visual").skipped());
        assertEquals(15, StimulusSet.load(tmp.resolve("lib/visual"), true).items().size());
    }

    @Test
    void thePoolHidesItsLabelsInASeparateFile() {
        new StimulusLibrary(testFamilies()).generate(tmp.resolve("lib"), 3, 4, Set.of("pool"), Progress.NONE);
        Path dir = tmp.resolve("lib/pool");
        StimulusSet set = StimulusSet.load(dir, true);
        int sources = TestGenerators.Shapes.CATEGORIES.size() + TestGenerators.Tones.CATEGORIES.size();
        assertEquals(4 * sources, set.items().size());
        Map<String, String> categoryOfItem = new HashMap<>();
        Map<String, ScreeningPool.Label> labels = ScreeningPool.readLabels(dir);
        assertEquals(set.items().size(), labels.size());
        Map<String, Integer> perSource = new HashMap<>();
        for (StimulusSet.Item it : set.items()) {
            assertEquals("pool", it.category());
            assertTrue(it.id().matches("pool_\\d{5}"), it.id());
            assertTrue(it.attributes().isEmpty());
            assertEquals("pool", it.entry().provenance().generator());
            ScreeningPool.Label l = labels.get(it.id());
            assertNotNull(l, it.id());
            perSource.merge(l.family() + "/" + l.category(), 1, Integer::sum);
            categoryOfItem.put(it.id(), l.category());
            for (Manifest.FileRef f : it.entry().files()) assertTrue(f.path().startsWith("pool/pool_"), f.path());
        }
        assertEquals(sources, perSource.size());
        assertTrue(perSource.values().stream().allMatch(n -> n == 4));
        // the order is shuffled: consecutive ids do not simply cycle through the categories
        List<String> seq = set.items().stream().map(i -> categoryOfItem.get(i.id())).toList();
        assertNotEquals(seq.subList(0, sources), seq.subList(sources, 2 * sources));
        // the manifest itself never mentions a source category
        String manifest = assertDoesNotThrow(() -> Files.readString(dir.resolve("manifest.json")));
        for (String c : TestGenerators.Shapes.CATEGORIES) assertFalse(manifest.contains(c), c);
        assertTrue(labels.values().stream().anyMatch(l -> l.attributes().containsKey("frequency_hz")));
    }

    @Test
    void audiovisualItemsPairAnImageASoundAndAPrompt() {
        new StimulusLibrary(testFamilies()).generate(tmp.resolve("lib"), 3, 2, Set.of("audiovisual"), Progress.NONE);
        StimulusSet set = StimulusSet.load(tmp.resolve("lib/audiovisual"));
        assertEquals(List.of("faces+speech", "words+speech", "instruments+music", "scenes+nonvocal", "animals+nonvocal",
                "random"), set.categories());
        Stimulus s = set.items("faces+speech").get(0).load();
        assertTrue(s.hasImage() && s.hasAudio() && s.hasText());
        assertEquals("faces", s.attributes().get("visual_category"));
        assertEquals("speech", s.attributes().get("audio_category"));
        assertEquals("true", s.attributes().get("congruent"));
        assertTrue(s.attributes().containsKey("visual.size") && s.attributes().containsKey("audio.frequency_hz"));
        assertEquals("rendered+synthesised", set.manifest().categories().get("faces+speech").source());
        for (StimulusSet.Item it : set.items("random")) assertEquals("false", it.attributes().get("congruent"));
    }

    @Test
    void unknownOrUnavailableFamiliesGiveClearErrors() {
        StimulusLibrary lib = new StimulusLibrary(Families.standard());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lib.generate(tmp.resolve("x"), 1, 2, Set.of("smells"), Progress.NONE));
        assertTrue(e.getMessage().contains("unknown stimulus family 'smells'"), e.getMessage());
        StimulusLibrary textOnly = new StimulusLibrary(new Families().register("text", org.topoomni.stimuli.text.TextGenerator::new));
        e = assertThrows(IllegalArgumentException.class, () -> textOnly.generate(tmp.resolve("x"), 1, 2, Set.of("audiovisual"), Progress.NONE));
        assertTrue(e.getMessage().contains("not available") && e.getMessage().contains("available: text"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lib.generate(tmp.resolve("x"), 1, 0, Set.of(), Progress.NONE));
        assertEquals(Set.of("visual", "auditory"), StimulusLibrary.parseFamilies(" Visual, auditory,,"));
    }

    @Test
    void inspectionWritesContactSheetsSpectrogramsAndExamples() {
        new StimulusLibrary(testFamilies()).generate(tmp.resolve("lib"), 3, 2, Set.of("visual", "auditory", "text"), Progress.NONE);
        StringWriter sw = new StringWriter();
        StimulusInspector.Report rep = StimulusInspector.inspect(tmp.resolve("lib"), new PrintWriter(sw));
        String out = sw.toString();
        assertTrue(out.contains("set visual: family visual, seed 3, 10 items, 4 runs"), out);
        assertTrue(out.matches("(?s).*\\n  faces\\s+rendered\\s+2\\s+1\\s+1\\s+0\\s+0\\n.*"), out);
        Path in = tmp.resolve("lib/_inspect");
        assertTrue(Files.isRegularFile(in.resolve("visual/faces_sheet.png")));
        assertTrue(Files.isRegularFile(in.resolve("auditory/music_spectrogram.png")));
        assertTrue(Files.isRegularFile(in.resolve("text/false_belief_examples.txt")));
        assertEquals(5 + 4 + 7, rep.written().size());
        java.awt.image.BufferedImage sheet = Images.read(in.resolve("visual/faces_sheet.png"));
        assertTrue(sheet.getWidth() >= 2 * 96 && sheet.getHeight() > 96);
        assertThrows(StimulusException.class, () -> StimulusInspector.inspect(tmp.resolve("lib/visual/faces"), new PrintWriter(sw)));
    }
}
