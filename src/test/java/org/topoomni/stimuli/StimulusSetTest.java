package org.topoomni.stimuli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class StimulusSetTest {
    @TempDir
    Path tmp;

    private static List<Stimulus> sample(long seed) {
        TestGenerators.Shapes v = new TestGenerators.Shapes();
        TestGenerators.Tones a = new TestGenerators.Tones();
        List<Stimulus> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(v.generate("faces", i, i % 2 + 1, Seeds.item(seed, "visual", "faces", i)));
            out.add(a.generate("music", i, i % 2 + 1, Seeds.item(seed, "auditory", "music", i)));
        }
        Stimulus img = out.get(0);
        out.add(new Stimulus("av_0", "faces+speech", 1, img.image(), out.get(1).audio(), "What do you see and hear?",
                Map.of("b", "2", "a", "1", "z", "26"), Provenance.generated("test", seed)));
        out.add(new Stimulus("t_0", "sentences", 2, null, null, "Zoë said the café was closed.", Map.of(),
                Provenance.generated("test", seed)));
        return out;
    }

    private static Map<String, byte[]> tree(Path dir) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return m;
    }

    @Test
    void sameSeedGivesByteIdenticalSetsAndDifferentSeedDifferentFiles() throws Exception {
        new StimulusSetWriter(tmp.resolve("a")).name("s").seed(7).write(sample(7));
        new StimulusSetWriter(tmp.resolve("b")).name("s").seed(7).threads(3).write(sample(7));
        new StimulusSetWriter(tmp.resolve("c")).name("s").seed(8).write(sample(8));
        Map<String, byte[]> a = tree(tmp.resolve("a")), b = tree(tmp.resolve("b")), c = tree(tmp.resolve("c"));
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
        assertTrue(a.containsKey("manifest.json"));
        assertTrue(a.containsKey("faces/v_faces_0.png") && a.containsKey("music/a_music_0.wav"));
        assertFalse(java.util.Arrays.equals(a.get("faces/v_faces_0.png"), c.get("faces/v_faces_0.png")));
        assertFalse(java.util.Arrays.equals(a.get("music/a_music_1.wav"), c.get("music/a_music_1.wav")));
        assertFalse(java.util.Arrays.equals(a.get("manifest.json"), c.get("manifest.json")));
        // nothing but the set's own files is left behind (no temporary files)
        assertTrue(a.keySet().stream().noneMatch(k -> k.endsWith(".tmp")));
    }

    @Test
    void pngEncoderIsDeterministicAndLossless() throws Exception {
        BufferedImage img = new TestGenerators.Shapes(40).generate("faces", 3, 1, 99).image();
        byte[] p1 = Png.encode(img), p2 = Png.encode(img);
        assertArrayEquals(p1, p2);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(p1));
        assertEquals(40, back.getWidth());
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) assertEquals(img.getRGB(x, y), back.getRGB(x, y), "pixel " + x + "," + y);
        }
        // a gradient exercises every filter type
        BufferedImage grad = new BufferedImage(33, 17, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 17; y++) for (int x = 0; x < 33; x++) grad.setRGB(x, y, (x * 7 << 16) | (y * 13 << 8) | ((x * y) & 0xff));
        BufferedImage g2 = Images.decode(Png.encode(grad), Path.of("grad.png"));
        for (int y = 0; y < 17; y++) for (int x = 0; x < 33; x++) assertEquals(grad.getRGB(x, y), g2.getRGB(x, y));
    }

    @Test
    void manifestRoundTripLoadsTheSameStimuli() throws Exception {
        List<Stimulus> in = sample(3);
        Manifest written = new StimulusSetWriter(tmp.resolve("set")).name("demo").family("test").seed(3).runs(4)
                .perCategory(3).createdBy("topo-omni test").source("faces", "rendered").write(in);
        StimulusSet set = StimulusSet.load(tmp.resolve("set"), true);
        assertEquals(written, set.manifest());
        assertEquals("demo", set.name());
        assertEquals(List.of("faces", "music", "faces+speech", "sentences"), set.categories());
        assertEquals(4, set.manifest().runs());
        assertEquals("rendered", set.manifest().categories().get("faces").source());
        assertEquals(Map.of("1", 2, "2", 1, "3", 0, "4", 0), set.manifest().categories().get("faces").perRun());
        List<Stimulus> out = set.stimuli().toList();
        assertEquals(in.size(), out.size());
        for (int i = 0; i < in.size(); i++) {
            Stimulus a = in.get(i), b = out.get(i);
            assertEquals(a.id(), b.id());
            assertEquals(a.category(), b.category());
            assertEquals(a.run(), b.run());
            assertEquals(a.text(), b.text());
            assertEquals(a.attributes(), b.attributes());
            assertEquals(a.provenance(), b.provenance());
            assertEquals(a.hasImage(), b.hasImage());
            if (a.hasImage()) {
                assertEquals(BufferedImage.TYPE_INT_RGB, b.image().getType());
                assertArrayEquals(a.image().getRGB(0, 0, 32, 32, null, 0, 32), b.image().getRGB(0, 0, 32, 32, null, 0, 32));
            }
            assertEquals(a.hasAudio(), b.hasAudio());
            if (a.hasAudio()) {
                assertEquals(a.audio().sampleRate(), b.audio().sampleRate());
                assertEquals(a.audio().samples().length, b.audio().samples().length);
                for (int k = 0; k < a.audio().samples().length; k++) {
                    assertEquals(a.audio().samples()[k], b.audio().samples()[k], 1.0 / 32767 + 1e-6);
                }
            }
        }
        // the audiovisual item has three files, attributes are written in key order
        Manifest.Item av = set.manifest().items().get(6);
        assertEquals(List.of("image", "audio", "text"), av.files().stream().map(Manifest.FileRef::medium).toList());
        String json = Files.readString(tmp.resolve("set/manifest.json"));
        assertTrue(json.indexOf("\"a\"") < json.indexOf("\"b\"") && json.indexOf("\"b\"") < json.indexOf("\"z\""));
        assertTrue(Files.readString(tmp.resolve("set/sentences/t_0.txt"), StandardCharsets.UTF_8).contains("Zoë"));
    }

    private Path setWithPath(String path) throws Exception {
        Path dir = tmp.resolve("evil");
        new StimulusSetWriter(dir).write(List.of(new Stimulus("x", "c", 1, null, null, "hi", Map.of(),
                Provenance.generated("t", 1))));
        Path mf = dir.resolve("manifest.json");
        String json = Files.readString(mf).replace("\"c/x.txt\"", "\"" + path + "\"");
        Files.writeString(mf, json);
        return dir;
    }

    @Test
    void manifestPathsThatEscapeTheSetAreRejected() throws Exception {
        Files.writeString(tmp.resolve("x.png"), "outside");
        StimulusException e = assertThrows(StimulusException.class, () -> StimulusSet.load(setWithPath("../x.png")));
        assertTrue(e.getMessage().contains("'..'") && e.getMessage().contains("manifest.json")
                && e.getMessage().contains("'x'"), e.getMessage());
        e = assertThrows(StimulusException.class, () -> StimulusSet.load(setWithPath("c/../../x.png")));
        assertTrue(e.getMessage().contains("escape"), e.getMessage());
        String abs = tmp.resolve("x.png").toAbsolutePath().toString();
        e = assertThrows(StimulusException.class, () -> StimulusSet.load(setWithPath(abs)));
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
        e = assertThrows(StimulusException.class, () -> StimulusSet.load(setWithPath("c\\\\..\\\\x.png")));
        assertTrue(e.getMessage().contains("'\\'"), e.getMessage());
    }

    @Test
    void symbolicLinksOutOfTheSetAreRejected() throws Exception {
        Path dir = setWithPath("c/x.txt");
        Path outside = tmp.resolve("secret.txt");
        Files.writeString(outside, "secret");
        Files.delete(dir.resolve("c/x.txt"));
        Files.createSymbolicLink(dir.resolve("c/x.txt"), outside);
        StimulusException e = assertThrows(StimulusException.class, () -> StimulusSet.load(dir));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        // a link to a folder outside
        Files.delete(dir.resolve("c/x.txt"));
        Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(tmp.resolve("elsewhere/x.txt"), "x");
        Files.delete(dir.resolve("c"));
        Files.createSymbolicLink(dir.resolve("c"), tmp.resolve("elsewhere"));
        e = assertThrows(StimulusException.class, () -> StimulusSet.load(dir));
        assertTrue(e.getMessage().contains("outside the set folder"), e.getMessage());
    }

    @Test
    void hashVerificationFindsChangedFilesAndMissingManifestMeansIncomplete() throws Exception {
        Path dir = tmp.resolve("set");
        new StimulusSetWriter(dir).write(sample(1));
        StimulusSet.load(dir, true);
        byte[] b = Files.readAllBytes(dir.resolve("faces/v_faces_1.png"));
        b[b.length / 2] ^= 1;
        Files.write(dir.resolve("faces/v_faces_1.png"), b);
        StimulusSet set = StimulusSet.load(dir); // the manifest is fine; hashes not checked
        StimulusException e = assertThrows(StimulusException.class, set::verify);
        assertTrue(e.getMessage().contains("v_faces_1.png") && e.getMessage().contains("SHA-256"), e.getMessage());
        Files.delete(dir.resolve("manifest.json"));
        e = assertThrows(StimulusException.class, () -> StimulusSet.load(dir));
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
        Files.writeString(dir.resolve("manifest.json"), "{ not json");
        e = assertThrows(StimulusException.class, () -> StimulusSet.load(dir));
        assertTrue(e.getMessage().contains("manifest.json") && e.getMessage().contains("not a valid"), e.getMessage());
    }

    @Test
    void writerRejectsUnsafeNamesDuplicatesAndEmptySets() {
        Provenance p = Provenance.generated("t", 1);
        assertThrows(IllegalArgumentException.class, () -> new StimulusSetWriter(tmp.resolve("e")).write(List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StimulusSetWriter(tmp.resolve("u"))
                .write(List.of(new Stimulus("../up", "c", 1, null, null, "x", Map.of(), p))));
        assertTrue(e.getMessage().contains("'../up'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StimulusSetWriter(tmp.resolve("d")).write(List.of(
                new Stimulus("same", "c", 1, null, null, "x", Map.of(), p), new Stimulus("same", "c", 1, null, null, "y", Map.of(), p))));
        assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("d/manifest.json")));
    }

    @Test
    void rewritingASetRemovesFilesItNoLongerLists() throws Exception {
        Path dir = tmp.resolve("set");
        new StimulusSetWriter(dir).write(sample(1));
        assertTrue(Files.exists(dir.resolve("faces+speech/av_0.wav")));
        new StimulusSetWriter(dir).write(sample(1).subList(0, 2));
        assertFalse(Files.exists(dir.resolve("faces+speech/av_0.wav")));
        assertTrue(Files.exists(dir.resolve("faces/v_faces_0.png")));
        assertEquals(2, StimulusSet.load(dir, true).items().size());
    }

    @Test
    void wavWriterRoundTripsAndClips() {
        float[] x = {0f, 0.5f, -0.5f, 1.5f, -2f, Float.NaN};
        byte[] wav = Wav.encode16(new Audio(x, 22050));
        assertEquals(44 + 12, wav.length);
        assertArrayEquals(wav, Wav.encode16(new Audio(x.clone(), 22050)));
        Audio back = Wav.decode(wav, Path.of("t.wav"));
        assertEquals(22050, back.sampleRate());
        assertEquals(0.5, back.samples()[1], 1e-4);
        assertEquals(-0.5, back.samples()[2], 1e-4);
        assertEquals(1.0, back.samples()[3], 1e-4);
        assertEquals(-1.0, back.samples()[4], 1e-4);
        assertEquals(0.0, back.samples()[5], 1e-9);
    }
}
