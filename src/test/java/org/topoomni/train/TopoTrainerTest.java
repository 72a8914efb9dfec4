package org.topoomni.train;

import org.topoomni.backbones.tinyomni.Example;
import org.topoomni.backbones.tinyomni.OmniConfig;
import org.topoomni.backbones.tinyomni.PretrainItem;
import org.topoomni.backbones.tinyomni.PretrainerTest;
import org.topoomni.backbones.tinyomni.TinyOmni;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.model.CorticalAdaptors;
import org.topoomni.model.LayerSite;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class TopoTrainerTest {
    static NDManager manager;
    static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @BeforeAll
    static void start() { manager = NDManager.newBaseManager(); }

    @AfterAll
    static void stop() { manager.close(); }

    static TopoTrainer.Settings settings(TopoTrainer.Mode mode, double alpha, int steps) {
        return TopoTrainer.Settings.defaults(mode, org.topoomni.sheet.SheetPresets.tinyOmni()).withAlpha(alpha).withRadius(4).withNeighbourhoods(20)
                .withSteps(steps).withBatch(6).withLearningRate(3e-3).withConditioning(1.0).withSeed(3).withCheckpointEvery(2).withTextWeight(0);
    }

    @Test
    void cachedTrainingLowersHeldOutSpatialLossAndKeepsWWellConditioned() throws Exception {
        OmniConfig cfg = OmniConfig.testTiny();
        List<TrainItem> items = chat(PretrainerTest.items(cfg, 18));
        List<TrainItem> held = chat(PretrainerTest.items(cfg, 12, 77)); // images the training never sees
        try (TinyOmni model = new TinyOmni(manager, cfg, PretrainerTest.tok, 1);
             CorticalAdaptors topo = new CorticalAdaptors(manager, model.stacks(), 2);
             CorticalAdaptors ctrl = new CorticalAdaptors(manager, model.stacks(), 2)) {
            Map<LayerSite, float[]> cache = TopoTrainer.cacheMeans(manager, model, topo.sites(), items, 8);
            Map<LayerSite, float[]> heldCache = TopoTrainer.cacheMeans(manager, model, topo.sites(), held, 8);
            ctrl.cacheInverses();
            double before = TopoTrainer.spatialLossOf(manager, model, ctrl, heldCache, held.size(), 6, 4, 20, 3, 1);
            new TopoTrainer(settings(TopoTrainer.Mode.CACHED, 20, 60), QUIET).train(manager, model, topo, items, cache, null, Integer.MAX_VALUE);
            new TopoTrainer(settings(TopoTrainer.Mode.CACHED, 0, 60), QUIET).train(manager, model, ctrl, items, cache, null, Integer.MAX_VALUE);
            double afterTopo = TopoTrainer.spatialLossOf(manager, model, topo, heldCache, held.size(), 6, 4, 20, 3, 1);
            double afterCtrl = TopoTrainer.spatialLossOf(manager, model, ctrl, heldCache, held.size(), 6, 4, 20, 3, 1);
            assertTrue(afterTopo < before - 0.05, "topographic training lowers the held-out spatial loss: " + before + " -> " + afterTopo);
            assertTrue(afterTopo < afterCtrl, "the control (alpha = 0) stays less smooth on held-out items: " + afterTopo + " vs " + afterCtrl);
            assertTrue(topo.worstConditionNumber() < 100, "W stays invertible: condition " + topo.worstConditionNumber());
        }
    }

    @Test
    void textBatchesSmoothTheLanguageStackForTexts() throws Exception {
        OmniConfig cfg = OmniConfig.testTiny();
        List<TrainItem> items = chat(PretrainerTest.items(cfg, 24));
        List<TrainItem> texts = texts(30);
        try (TinyOmni model = new TinyOmni(manager, cfg, PretrainerTest.tok, 1);
             CorticalAdaptors with = new CorticalAdaptors(manager, model.stacks(), 2);
             CorticalAdaptors without = new CorticalAdaptors(manager, model.stacks(), 2)) {
            Map<LayerSite, float[]> cache = TopoTrainer.cacheMeans(manager, model, with.sites(), items, 8);
            Map<LayerSite, float[]> textCache = TopoTrainer.cacheMeans(manager, model, with.sites(), texts, 8);
            int[] language = TopoTrainer.languageUnits(model.sheet());
            TopoTrainer.Settings s = settings(TopoTrainer.Mode.CACHED, 20, 60).withTextWeight(1.0);
            List<double[]> curve = new TopoTrainer(s, QUIET).train(manager, model, with, items, cache, texts, textCache, null, Integer.MAX_VALUE);
            new TopoTrainer(settings(TopoTrainer.Mode.CACHED, 20, 60), QUIET).train(manager, model, without, items, cache, null, Integer.MAX_VALUE);
            assertEquals(7, curve.get(0).length);
            assertFalse(Double.isNaN(curve.get(59)[6]), "the curve records the text batches' loss");
            double textWith = TopoTrainer.spatialLossOf(manager, model, with, textCache, texts.size(), 6, 4, 20, 3, 1, language);
            double textWithout = TopoTrainer.spatialLossOf(manager, model, without, textCache, texts.size(), 6, 4, 20, 3, 1, language);
            assertTrue(textWith < textWithout - 0.02, "text batches make the language stack smoother for texts: " + textWith + " vs " + textWithout);
            assertTrue(with.worstConditionNumber() < 100, "W stays invertible: condition " + with.worstConditionNumber());
            // the audiovisual items still train the whole sheet
            double avWith = TopoTrainer.spatialLossOf(manager, model, with, cache, items.size(), 6, 4, 20, 3, 1);
            CorticalAdaptors fresh = new CorticalAdaptors(manager, model.stacks(), 2);
            fresh.cacheInverses();
            double avBefore = TopoTrainer.spatialLossOf(manager, model, fresh, cache, items.size(), 6, 4, 20, 3, 1);
            fresh.close();
            assertTrue(avWith < avBefore - 0.05, "audiovisual spatial loss still falls: " + avBefore + " -> " + avWith);
        }
    }

    /** The chat items of a TinyOmni fixture, as topographic training items. */
    static List<TrainItem> chat(List<PretrainItem> items) {
        return items.stream().filter(t -> !t.example().plainText())
                .map(t -> new TrainItem(t.id(), t.example(), t.family(), t.category(), t.answer())).toList();
    }

    /** Varied plain texts: random sentences over a small vocabulary. */
    static List<TrainItem> texts(int n) {
        String[] words = {"the", "dog", "sees", "a", "red", "ball", "we", "sing", "three", "songs", "zq", "xv", "and", "then", "runs"};
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        List<TrainItem> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0, len = 3 + rng.nextInt(6); w < len; w++) sb.append(w == 0 ? "" : " ").append(words[rng.nextInt(words.length)]);
            out.add(new TrainItem("t" + i, Example.text(PretrainerTest.tok.encode(sb.toString())), "text", "corpus", ""));
        }
        return out;
    }

    @Test
    void textBatchesWithoutTextsAreAClearError() throws Exception {
        OmniConfig cfg = OmniConfig.testTiny();
        List<TrainItem> items = chat(PretrainerTest.items(cfg, 12));
        TopoTrainer.Settings s = settings(TopoTrainer.Mode.CACHED, 20, 5).withTextWeight(1.0);
        try (TinyOmni model = new TinyOmni(manager, cfg, PretrainerTest.tok, 1);
             CorticalAdaptors a = new CorticalAdaptors(manager, model.stacks(), 2)) {
            Map<LayerSite, float[]> cache = TopoTrainer.cacheMeans(manager, model, a.sites(), items, 8);
            var e = assertThrows(IllegalArgumentException.class,
                    () -> new TopoTrainer(s, QUIET).train(manager, model, a, items, cache, List.of(), null, null, Integer.MAX_VALUE));
            assertTrue(e.getMessage().contains("needs at least 2 plain-text items"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> new TopoTrainer(s, QUIET).train(manager, model, a, items, cache, items, cache, null, Integer.MAX_VALUE));
            assertTrue(e.getMessage().contains("plain-text items only"), e.getMessage());
            // the control (alpha 0) weighs the text term at 0: it needs no texts and draws no text batches
            TopoTrainer.Settings control = settings(TopoTrainer.Mode.CACHED, 20, 3).withTextWeight(1.0).control();
            List<double[]> curve = new TopoTrainer(control, QUIET).train(manager, model, a, items, cache, List.of(), null, null, Integer.MAX_VALUE);
            assertTrue(Double.isNaN(curve.get(2)[6]));
        }
        assertThrows(IllegalArgumentException.class, () -> settings(TopoTrainer.Mode.CACHED, 1, 10).withTextWeight(-1));
    }

    @Test
    void twoCachedRunsWithOneSeedGiveTheSameAdaptorsBitForBitWhileTheCollectorRuns() throws Exception {
        twoRunsAgree(TopoTrainer.Mode.CACHED, 30);
    }

    @Test
    void twoFullRunsWithOneSeedGiveTheSameAdaptorsBitForBitWhileTheCollectorRuns() throws Exception {
        twoRunsAgree(TopoTrainer.Mode.FULL, 8); // backpropagates through the backbone's every layer
    }

    /**
     * Trains the same adaptors twice with one seed while another thread keeps asking for
     * collections, so that collections (and the Cleaners of freed direct buffers) fall between
     * forward passes and their backward passes: a constant whose memory the collector can free under a
     * backward node would make the two runs differ.
     */
    private static void twoRunsAgree(TopoTrainer.Mode mode, int steps) throws Exception {
        OmniConfig cfg = OmniConfig.testTiny();
        List<TrainItem> items = chat(PretrainerTest.items(cfg, 12));
        TopoTrainer.Settings s = settings(mode, 20, steps);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread churn = new Thread(() -> {
            while (!stop.get()) {
                System.gc();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "collector");
        churn.setDaemon(true);
        long gcBefore = collections();
        churn.start();
        try (TinyOmni model = new TinyOmni(manager, cfg, PretrainerTest.tok, 1)) {
            List<LayerSite> sites = model.sites();
            Map<LayerSite, float[]> cache = mode == TopoTrainer.Mode.CACHED ? TopoTrainer.cacheMeans(manager, model, sites, items, 8) : null;
            Map<LayerSite, float[]> first = new java.util.HashMap<>();
            for (int run = 0; run < 2; run++) {
                try (CorticalAdaptors a = new CorticalAdaptors(manager, model.stacks(), 2)) {
                    new TopoTrainer(s, QUIET).train(manager, model, a, items, cache, null, Integer.MAX_VALUE);
                    for (LayerSite site : a.sites()) {
                        float[] w = a.matrix(site).toFloatArray();
                        if (run == 0) first.put(site, w);
                        else assertArrayEquals(first.get(site), w, "adaptor at " + site + " differs between two runs with one seed");
                    }
                }
            }
            assertEquals(sites.size(), first.size());
        } finally {
            stop.set(true);
            churn.join();
        }
        assertTrue(collections() - gcBefore >= steps, "the collector ran during training (" + (collections() - gcBefore) + " collections)");
    }

    private static long collections() {
        long n = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionCount());
        return n;
    }

    @Test
    void interruptedFullModeRunResumesToTheSameAdaptors(@TempDir Path dir) throws Exception {
        OmniConfig cfg = OmniConfig.testTiny();
        List<TrainItem> items = chat(PretrainerTest.items(cfg, 12));
        TopoTrainer.Settings s = settings(TopoTrainer.Mode.FULL, 5, 6);
        float[] straight, resumed;
        try (TinyOmni model = new TinyOmni(manager, cfg, PretrainerTest.tok, 1)) {
            try (CorticalAdaptors a = new CorticalAdaptors(manager, model.stacks(), 2)) {
                new TopoTrainer(s, QUIET).train(manager, model, a, items, null, dir.resolve("a"), Integer.MAX_VALUE);
                straight = a.matrix(new LayerSite("vision", 1)).toFloatArray();
            }
            try (CorticalAdaptors b = new CorticalAdaptors(manager, model.stacks(), 2)) {
                new TopoTrainer(s, QUIET).train(manager, model, b, items, null, dir.resolve("b"), 3); // killed after 3 steps (saved at 2)
            }
            try (CorticalAdaptors c = new CorticalAdaptors(manager, model.stacks(), 77)) {
                List<double[]> curve = new TopoTrainer(s, QUIET).train(manager, model, c, items, null, dir.resolve("b"), Integer.MAX_VALUE);
                resumed = c.matrix(new LayerSite("vision", 1)).toFloatArray();
                assertEquals(6, curve.size());
            }
        }
        assertArrayEquals(straight, resumed);
    }

    @Test
    void conditioningTermPunishesShrinkingAndGrowingSingularValuesAlike() {
        List<org.topoomni.sheet.LayerStack> one = List.of(org.topoomni.sheet.LayerStack.uniform("vision", org.topoomni.sheet.Modality.VISION, org.topoomni.sheet.Placement.SENSORY, 1, 2));
        try (NDManager m = manager.newSubManager(); CorticalAdaptors a = new CorticalAdaptors(manager, one, 1)) {
            String name = a.names().get(new LayerSite("vision", 0));
            double c = Math.cos(0.3), s = Math.sin(0.3);
            a.weights().remove(name);
            a.weights().put(name, new float[] {(float) c, (float) -s, (float) s, (float) c}, 2, 2); // a rotation: orthogonal
            assertEquals(0.0, TopoTrainer.conditioning(m, a).getFloat(), 1e-5);
            // singular values 2 and 0.5: each costs (s^2 - 1)^2 + (s^-2 - 1)^2 = 9 + 0.5625; sum / d = 9.5625
            a.weights().remove(name);
            a.weights().put(name, new float[] {2f, 0f, 0f, 0.5f}, 2, 2);
            assertEquals(9.5625, TopoTrainer.conditioning(m, a).getFloat(), 1e-4);
            // a collapsing direction (s = 0.05) is expensive, not capped at 1 / d
            a.weights().remove(name);
            a.weights().put(name, new float[] {1f, 0f, 0f, 0.05f}, 2, 2);
            assertTrue(TopoTrainer.conditioning(m, a).getFloat() > 1e4);
        }
    }

    @Test
    void badSettingsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> settings(TopoTrainer.Mode.CACHED, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> settings(TopoTrainer.Mode.CACHED, 1, 10).withRadius(-4));
        var e = assertThrows(IllegalArgumentException.class, () -> settings(TopoTrainer.Mode.CACHED, 1, 10).withBatch(1));
        assertTrue(e.getMessage().contains("2 samples"), e.getMessage());
        assertEquals(18, TopoTrainer.defaultRadius(org.topoomni.sheet.SheetPresets.tinyOmni()));
        assertEquals(20, TopoTrainer.defaultRadius(org.topoomni.sheet.SheetPresets.qwen25Omni3b()));
    }
}
