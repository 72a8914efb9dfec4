package org.topoomni.backbones.tinyomni;

import org.topoomni.optim.AdamW;
import org.topoomni.model.LayerHook;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

public class TinyOmniTest {
    static NDManager manager;

    @BeforeAll
    static void start() { manager = NDManager.newBaseManager(); }

    @AfterAll
    static void stop() { manager.close(); }

    public static Tokenizer tokenizer() {
        return Tokenizer.train(List.of("a face", "a dog barking", "what do you see", "music", "speech"), Tokenizer.SPECIALS + 256 + 40);
    }

    public static List<Example> examples(OmniConfig cfg, Tokenizer tok, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] img = null, mel = null;
            int cls = i % 2;
            if (i % 3 != 2) {
                img = new float[3 * cfg.imageSize() * cfg.imageSize()];
                for (int k = 0; k < img.length; k++) img[k] = (float) (rng.nextGaussian() * 0.1 + (cls == 0 ? 0.8 : -0.8) * (k % 7 == 0 ? 1 : 0));
            }
            if (i % 3 != 0) {
                mel = new float[cfg.audioFrames() * cfg.melBands()];
                for (int k = 0; k < mel.length; k++) mel[k] = (float) rng.nextGaussian();
            }
            out.add(Example.chat(img, mel, tok.encode("what do you see"), tok.encode(cls == 0 ? " a face" : " a dog")));
        }
        return out;
    }

    @Test
    void forwardShapesAndHooksSeeEveryLayer() {
        OmniConfig cfg = OmniConfig.testTiny();
        Tokenizer tok = tokenizer();
        try (TinyOmni model = new TinyOmni(manager, cfg, tok, 1); NDManager m = manager.newSubManager()) {
            List<Example> ex = examples(cfg, tok, 5, 2);
            Batch batch = new Batch(cfg, ex, true);
            List<String> seen = new ArrayList<>();
            NDArray logits = model.forward(m, batch, (site, out, tokens) -> {
                seen.add(site.stack() + site.layer() + ":" + out.getShape() + ":" + tokens.rows());
                return out;
            });
            assertEquals(batch.size, logits.getShape().get(0));
            assertEquals(batch.length, logits.getShape().get(1));
            assertEquals(cfg.vocabSize(), logits.getShape().get(2));
            int withImage = (int) ex.stream().filter(e -> e.image() != null).count();
            assertTrue(seen.contains("vision0:(" + withImage + ", " + cfg.patches() + ", 16):" + withImage), seen.toString());
            assertEquals(cfg.vision().layers() + cfg.audio().layers() + cfg.language().layers(), seen.size());
            assertEquals(2 * 16 * 2 + 2 * 32, model.sheet().units());
            // the hook sites are exactly the sheet's layers, in the backbone's order
            List<String> sites = new ArrayList<>();
            for (var site : model.sites()) sites.add(site.stack() + site.layer());
            assertEquals(List.of("vision0", "vision1", "audio0", "audio1", "language0", "language1"), sites);
            assertEquals(sites, seen.stream().map(x -> x.substring(0, x.indexOf(':'))).toList());
            // the generic forward gives the same logits as the batch forward
            NDArray generic = model.forward(m, new ArrayList<org.topoomni.model.ModelInput>(ex), org.topoomni.model.LayerHook.NONE).logits();
            assertArrayEquals(logits.toFloatArray(), generic.toFloatArray(), 0f);
        }
    }

    @Test
    void defaultSheetIsThePresetAndFollowsThePapersPrinciples() {
        org.topoomni.sheet.SheetLayout sheet = org.topoomni.sheet.SheetLayout.of(TinyOmni.stacksOf(OmniConfig.tinyDefault()));
        org.topoomni.sheet.SheetLayout preset = org.topoomni.sheet.SheetPresets.get("tinyomni");
        assertEquals(preset.describe(), sheet.describe());
        assertEquals(48, sheet.rows());
        assertEquals(64, sheet.cols());
        // vision and audio side by side at the top, one band of whole rows per layer, language below
        assertEquals(0, sheet.band("vision").top());
        assertEquals(0, sheet.band("audio").top());
        assertEquals(sheet.band("vision").right(), sheet.band("audio").left());
        assertEquals(sheet.band("vision").bottom(), sheet.band("language").top());
        assertEquals(sheet.cols(), sheet.band("language").cols());
        assertEquals(4.0, sheet.band("vision").rowsPerLayer(), 0);
        assertTrue(sheet.wholeRowLayers());
    }

    @Test
    void aFewStepsLowerTheLoss() {
        OmniConfig cfg = OmniConfig.testTiny();
        Tokenizer tok = tokenizer();
        try (TinyOmni model = new TinyOmni(manager, cfg, tok, 3); AdamW opt = new AdamW(manager, 0.9, 0.98, 1e-8, 0.0)) {
            model.weights().requireGradients(true);
            Batch batch = new Batch(cfg, examples(cfg, tok, 8, 4), true);
            double first = 0, last = 0;
            for (int step = 0; step < 30; step++) {
                try (NDManager m = manager.newSubManager()) {
                    double loss;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        model.weights().zeroGradients(m);
                        NDArray l = Losses.answerCrossEntropy(model.forward(m, batch, LayerHook.NONE), batch);
                        loss = l.getFloat();
                        gc.backward(l);
                    }
                    opt.update(model.weights().all(), 3e-3, 1.0, n -> true, m);
                    if (step == 0) first = loss;
                    last = loss;
                }
            }
            assertTrue(last < 0.5 * first, "loss should fall: " + first + " -> " + last);
        }
    }
}
