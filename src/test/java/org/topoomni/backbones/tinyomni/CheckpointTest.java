package org.topoomni.backbones.tinyomni;

import org.topoomni.model.LayerHook;
import org.topoomni.model.Safetensors;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CheckpointTest {
    static NDManager manager;

    @BeforeAll
    static void start() { manager = NDManager.newBaseManager(); }

    @AfterAll
    static void stop() { manager.close(); }

    @Test
    void saveLoadGivesIdenticalLogits(@TempDir Path dir) throws IOException {
        OmniConfig cfg = OmniConfig.testTiny();
        Tokenizer tok = TinyOmniTest.tokenizer();
        List<Example> ex = TinyOmniTest.examples(cfg, tok, 4, 9);
        float[] before, after;
        try (TinyOmni model = new TinyOmni(manager, cfg, tok, 42); NDManager m = manager.newSubManager()) {
            before = model.forward(m, new Batch(cfg, ex, true), LayerHook.NONE).toFloatArray();
            Checkpoint.save(dir, model, Map.of("note", "test"));
        }
        try (TinyOmni loaded = Checkpoint.load(manager, dir); NDManager m = manager.newSubManager()) {
            after = loaded.forward(m, new Batch(cfg, ex, true), LayerHook.NONE).toFloatArray();
            assertEquals(tok.vocabSize(), loaded.tokenizer().vocabSize());
        }
        assertArrayEquals(before, after);
    }

    @Test
    void shapeMismatchNamesTheTensor(@TempDir Path dir) throws IOException {
        OmniConfig cfg = OmniConfig.testTiny();
        try (TinyOmni model = new TinyOmni(manager, cfg, TinyOmniTest.tokenizer(), 1)) {
            Checkpoint.save(dir, model, Map.of());
        }
        Map<String, Safetensors.Tensor> t = new LinkedHashMap<>(Safetensors.read(dir.resolve(Checkpoint.WEIGHTS)));
        t.put("vision.pos", new Safetensors.Tensor(new long[] {3, 16}, new float[48]));
        Safetensors.write(dir.resolve(Checkpoint.WEIGHTS), t, Map.of());
        IOException e = assertThrows(IOException.class, () -> Checkpoint.load(manager, dir).close());
        assertTrue(e.getMessage().contains("'vision.pos'") && e.getMessage().contains("[3, 16]"), e.getMessage());
    }

    @Test
    void truncatedOrMissingFilesAreClearErrors(@TempDir Path dir) throws IOException {
        IOException missing = assertThrows(IOException.class, () -> Checkpoint.load(manager, dir));
        assertTrue(missing.getMessage().contains("config.json is missing"), missing.getMessage());
        try (TinyOmni model = new TinyOmni(manager, OmniConfig.testTiny(), TinyOmniTest.tokenizer(), 1)) {
            Checkpoint.save(dir, model, Map.of());
        }
        Path w = dir.resolve(Checkpoint.WEIGHTS);
        byte[] bytes = Files.readAllBytes(w);
        Files.write(w, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException trunc = assertThrows(IOException.class, () -> Checkpoint.load(manager, dir).close());
        assertTrue(trunc.getMessage().contains("truncated"), trunc.getMessage());
    }

    @Test
    void tokenizerRoundTripsAnyText() {
        List<String> corpus = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) corpus.addAll(List.of("the cat sat on the mat", "the dog sat", "a face, a body; 42!"));
        Tokenizer tok = Tokenizer.train(corpus, Tokenizer.SPECIALS + 256 + 30);
        for (String s : new String[] {"the cat sat on the mat", "Ünïcödé & 123 +-*/", "", "  spaces  "}) {
            assertEquals(s, tok.decode(tok.encode(s)));
        }
        assertEquals(1, tok.encode(" sat").length, "a frequent word becomes one token");
        Tokenizer back = Tokenizer.fromJson(tok.toJson());
        assertArrayEquals(tok.encode("the cat sat on a mat"), back.encode("the cat sat on a mat"));
    }
}
