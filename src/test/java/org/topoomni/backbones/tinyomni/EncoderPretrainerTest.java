package org.topoomni.backbones.tinyomni;


import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class EncoderPretrainerTest {
    static NDManager manager;

    @BeforeAll
    static void start() { manager = NDManager.newBaseManager(); }

    @AfterAll
    static void stop() { manager.close(); }

    /** Images of two classes (red vs green) and sounds of two classes (low vs high bands louder), plus text. */
    static List<PretrainItem> items(OmniConfig cfg, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<PretrainItem> out = new ArrayList<>(PretrainerTest.items(cfg, n)); // visual "faces"/"dogs" + text
        out.removeIf(it -> it.family().equals("visual"));
        for (int i = 0; i < n; i++) {
            int cls = i % 2;
            float[] img = new float[3 * cfg.imageSize() * cfg.imageSize()];
            int plane = cfg.imageSize() * cfg.imageSize(); // class 0 is reddish, class 1 greenish: survives flips and shifts
            for (int k = 0; k < img.length; k++) img[k] = (float) (rng.nextGaussian() * 0.5 + ((k / plane) == cls ? 0.8 : 0));
            out.add(new PretrainItem("i" + i, Example.chat(img, null, PretrainerTest.tok.encode("what do you see"),
                    PretrainerTest.tok.encode(cls == 0 ? " a face" : " a dog")), "visual", cls == 0 ? "faces" : "dogs", ""));
            float[] mel = new float[cfg.audioFrames() * cfg.melBands()];
            for (int k = 0; k < mel.length; k++) {
                int band = k % cfg.melBands();
                boolean low = band < cfg.melBands() / 2;
                mel[k] = (float) (rng.nextGaussian() * 0.3 + ((low == (cls == 0)) ? 1 : -1));
            }
            out.add(new PretrainItem("s" + i, Example.chat(null, mel, PretrainerTest.tok.encode("what do you see"),
                    PretrainerTest.tok.encode(" one")), "auditory", cls == 0 ? "music" : "speech", ""));
        }
        return out;
    }

    static EncoderPretrainer.Settings settings(int steps, int every) {
        return new EncoderPretrainer.Settings(steps, 6, 6, 3e-3, 0.01, 1.0, 4, every, true);
    }

    @Test
    void encodersLearnTheCategoriesAndNothingElseChanges() throws Exception {
        OmniConfig cfg = OmniConfig.testTiny();
        List<PretrainItem> train = items(cfg, 16, 1), held = items(cfg, 16, 2);
        try (TinyOmni m = new TinyOmni(manager, cfg, PretrainerTest.tok, 7)) {
            long count = m.weights().count();
            float[] lm = m.weights().get("language.0.attn.wq").toFloatArray();
            float[] merge = m.weights().get("vision.merge.w1").toFloatArray();
            float[] proj = m.weights().get("audio.proj.w").toFloatArray();
            float[] vis = m.weights().get("vision.0.attn.wq").toFloatArray();
            float[] aud = m.weights().get("audio.0.attn.wq").toFloatArray();
            EncoderPretrainer.Result r = new EncoderPretrainer(settings(100, 0), PretrainerTest.QUIET).train(manager, m, train, held, null);

            assertEquals(100, r.curve().size());
            double first = r.curve().get(0).loss();
            double last = r.curve().subList(90, 100).stream().mapToDouble(Pretrainer.Point::loss).average().orElseThrow();
            assertTrue(last < 0.5 * first, "head loss should fall: " + first + " -> " + last);
            assertTrue(r.headAccuracy().get("visual") >= 0.9, "held-out visual head accuracy " + r.headAccuracy());
            assertTrue(r.headAccuracy().get("auditory") >= 0.9, "held-out auditory head accuracy " + r.headAccuracy());
            assertFalse(r.headAccuracy().containsKey("text"), "only image and sound items are judged");

            assertArrayEquals(lm, m.weights().get("language.0.attn.wq").toFloatArray(), "the language model is not trained");
            assertArrayEquals(merge, m.weights().get("vision.merge.w1").toFloatArray(), "the patch merger is not trained");
            assertArrayEquals(proj, m.weights().get("audio.proj.w").toFloatArray(), "the audio projection is not trained");
            assertFalse(java.util.Arrays.equals(vis, m.weights().get("vision.0.attn.wq").toFloatArray()), "the vision encoder learns");
            assertFalse(java.util.Arrays.equals(aud, m.weights().get("audio.0.attn.wq").toFloatArray()), "the audio encoder learns");
            assertEquals(count, m.weights().count(), "the heads are removed");
            assertTrue(m.weights().names().stream().noneMatch(n -> n.startsWith(EncoderHeads.PREFIX)));
        }
    }

    @Test
    void interruptedPhaseResumesExactlyAndAFinishedOneIsNotRepeated(@TempDir Path dir) throws Exception {
        OmniConfig cfg = OmniConfig.testTiny();
        List<PretrainItem> train = items(cfg, 12, 1), held = items(cfg, 4, 2);
        EncoderPretrainer.Settings s = settings(8, 2);
        float[] straight;
        try (TinyOmni a = new TinyOmni(manager, cfg, PretrainerTest.tok, 7)) {
            new EncoderPretrainer(s, PretrainerTest.QUIET).train(manager, a, train, held, dir.resolve("a"));
            straight = a.weights().get("vision.0.attn.wq").toFloatArray();
        }
        try (TinyOmni b = new TinyOmni(manager, cfg, PretrainerTest.tok, 7)) {
            new EncoderPretrainer(s, PretrainerTest.QUIET).train(manager, b, train, held, dir.resolve("b"), 5); // killed after step 5
            assertFalse(Files.exists(dir.resolve("b").resolve(EncoderPretrainer.RESULT)), "an unfinished phase has no result");
        }
        EncoderPretrainer.Result resumed;
        try (TinyOmni c = new TinyOmni(manager, cfg, PretrainerTest.tok, 99)) { // a fresh process: the state restores the weights
            resumed = new EncoderPretrainer(s, PretrainerTest.QUIET).train(manager, c, train, held, dir.resolve("b"));
            assertEquals(8, resumed.curve().size());
            assertArrayEquals(straight, c.weights().get("vision.0.attn.wq").toFloatArray());
        }
        try (TinyOmni d = new TinyOmni(manager, cfg, PretrainerTest.tok, 123)) { // again: restored, not retrained
            EncoderPretrainer.Result again = new EncoderPretrainer(s, PretrainerTest.QUIET).train(manager, d, train, held, dir.resolve("b"));
            assertEquals(resumed.headAccuracy(), again.headAccuracy());
            assertEquals(8, again.curve().size());
            assertArrayEquals(straight, d.weights().get("vision.0.attn.wq").toFloatArray());
            assertTrue(d.weights().names().stream().noneMatch(n -> n.startsWith(EncoderHeads.PREFIX)));
        }
        try (TinyOmni e = new TinyOmni(manager, cfg, PretrainerTest.tok, 7)) { // other settings: a clear refusal, nothing lost
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> new EncoderPretrainer(settings(9, 2), PretrainerTest.QUIET).train(manager, e, train, held, dir.resolve("b")));
            assertTrue(x.getMessage().contains("other settings"), x.getMessage());
            assertTrue(Files.exists(dir.resolve("b").resolve(EncoderPretrainer.RESULT)));
        }
    }

    @Test
    void badSettingsAndItemsWithoutMediaAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EncoderPretrainer.Settings(-1, 4, 4, 1e-3, 0.01, 1, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new EncoderPretrainer.Settings(5, 0, 0, 1e-3, 0.01, 1, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new EncoderPretrainer.Settings(5, 4, -1, 1e-3, 0.01, 1, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new EncoderPretrainer.Settings(5, 4, 4, 0, 0.01, 1, 0, 0, false));
        OmniConfig cfg = OmniConfig.testTiny();
        List<PretrainItem> textOnly = items(cfg, 8, 1).stream().filter(it -> it.family().equals("text")).toList();
        try (TinyOmni m = new TinyOmni(manager, cfg, PretrainerTest.tok, 7)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new EncoderPretrainer(settings(3, 0), PretrainerTest.QUIET).train(manager, m, textOnly, textOnly, null));
            assertTrue(e.getMessage().contains("images or sounds"), e.getMessage());
            assertTrue(m.weights().names().stream().noneMatch(n -> n.startsWith(EncoderHeads.PREFIX)));
        }
    }
}
