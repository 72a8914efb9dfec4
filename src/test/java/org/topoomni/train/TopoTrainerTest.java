package org.topoomni.train;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.model.CorticalAdaptors;
import org.topoomni.model.LayerSite;
import org.topoomni.model.OmniConfig;
import org.topoomni.model.TinyOmni;

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
        return new TopoTrainer.Settings(mode, alpha, 4, 20, steps, 6, 3e-3, 1.0, 3, 2);
    }

    @Test
    void cachedTrainingLowersHeldOutSpatialLossAndKeepsWWellConditioned() throws Exception {
        OmniConfig cfg = OmniConfig.testTiny();
        List<TrainItem> items = PretrainerTest.items(cfg, 18).stream().filter(t -> !t.example().plainText()).toList();
        try (TinyOmni model = new TinyOmni(manager, cfg, PretrainerTest.tok, 1);
             CorticalAdaptors topo = new CorticalAdaptors(manager, model.stacks(), 2);
             CorticalAdaptors ctrl = new CorticalAdaptors(manager, model.stacks(), 2)) {
            Map<LayerSite, float[]> cache = TopoTrainer.cacheMeans(manager, model, topo.sites(), items, 8);
            ctrl.cacheInverses();
            double before = TopoTrainer.spatialLossOf(manager, model, ctrl, cache, items.size(), 6, 4, 20, 3, 1);
            new TopoTrainer(settings(TopoTrainer.Mode.CACHED, 20, 60), QUIET).train(manager, model, topo, items, cache, null, Integer.MAX_VALUE);
            new TopoTrainer(settings(TopoTrainer.Mode.CACHED, 0, 60), QUIET).train(manager, model, ctrl, items, cache, null, Integer.MAX_VALUE);
            double afterTopo = TopoTrainer.spatialLossOf(manager, model, topo, cache, items.size(), 6, 4, 20, 3, 1);
            double afterCtrl = TopoTrainer.spatialLossOf(manager, model, ctrl, cache, items.size(), 6, 4, 20, 3, 1);
            assertTrue(afterTopo < before - 0.05, "topographic training lowers the spatial loss: " + before + " -> " + afterTopo);
            assertTrue(afterTopo < afterCtrl, "the control (alpha = 0) stays less smooth: " + afterTopo + " vs " + afterCtrl);
            assertTrue(topo.worstConditionNumber() < 100, "W stays invertible: condition " + topo.worstConditionNumber());
        }
    }

    @Test
    void interruptedFullModeRunResumesToTheSameAdaptors(@TempDir Path dir) throws Exception {
        OmniConfig cfg = OmniConfig.testTiny();
        List<TrainItem> items = PretrainerTest.items(cfg, 12).stream().filter(t -> !t.example().plainText()).toList();
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
        List<org.topoomni.sheet.Stack> one = List.of(new org.topoomni.sheet.Stack("vision", org.topoomni.sheet.Modality.VISION, 1, 2));
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
        assertThrows(IllegalArgumentException.class, () -> new TopoTrainer.Settings(TopoTrainer.Mode.CACHED, -1, 4, 20, 10, 6, 1e-3, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TopoTrainer.Settings(TopoTrainer.Mode.CACHED, 1, -4, 20, 10, 6, 1e-3, 1, 0, 0));
        var e = assertThrows(IllegalArgumentException.class, () -> new TopoTrainer.Settings(TopoTrainer.Mode.CACHED, 1, 4, 20, 10, 1, 1e-3, 1, 0, 0));
        assertTrue(e.getMessage().contains("2 samples"), e.getMessage());
        assertEquals(18, TopoTrainer.defaultRadius(org.topoomni.sheet.SheetPresets.tinyOmni()));
        assertEquals(20, TopoTrainer.defaultRadius(org.topoomni.sheet.SheetPresets.qwen25Omni3b()));
    }
}
