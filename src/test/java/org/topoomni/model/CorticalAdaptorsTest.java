package org.topoomni.model;

import org.topoomni.backbones.tinyomni.Batch;
import org.topoomni.backbones.tinyomni.Example;
import org.topoomni.backbones.tinyomni.OmniConfig;
import org.topoomni.backbones.tinyomni.TinyOmni;
import org.topoomni.backbones.tinyomni.TinyOmniTest;
import org.topoomni.backbones.tinyomni.Tokenizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topoomni.sheet.SheetLayout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CorticalAdaptorsTest {
    static NDManager manager;

    @BeforeAll
    static void start() { manager = NDManager.newBaseManager(); }

    @AfterAll
    static void stop() { manager.close(); }

    @Test
    void adaptorsPreserveTheNetworkAndTheSheetShowsZ() {
        OmniConfig cfg = OmniConfig.testTiny();
        Tokenizer tok = TinyOmniTest.tokenizer();
        try (TinyOmni model = new TinyOmni(manager, cfg, tok, 5);
             CorticalAdaptors ad = new CorticalAdaptors(manager, model.stacks(), 11);
             NDManager m = manager.newSubManager()) {
            List<Example> ex = TinyOmniTest.examples(cfg, tok, 6, 3);
            Batch batch = new Batch(cfg, ex, true);
            float[] base = model.forward(m, batch, LayerHook.NONE).toFloatArray();
            ad.cacheInverses();
            SheetLayout layout = model.sheet();
            SheetRecorder rec = new SheetRecorder(layout, ad.sites());
            rec.reset(batch.size);
            float[] adapted = model.forward(m, batch, ad.hook(rec)).toFloatArray();
            double worst = 0;
            for (int i = 0; i < base.length; i++) worst = Math.max(worst, Math.abs(base[i] - adapted[i]));
            assertTrue(worst < 1e-3, "X_hat = Z W^-1 must give back X; logits differ by " + worst);

            NDArray sheet = rec.sheet(m);
            assertEquals(batch.size, sheet.getShape().get(0));
            assertEquals(layout.units(), sheet.getShape().get(1));
            // an item without an image has zeros on the vision stack; one with an image does not
            float[] s = sheet.toFloatArray();
            int u = layout.unit("vision", 0, 3);
            for (int b = 0; b < batch.size; b++) {
                boolean hasImage = ex.get(b).image() != null;
                assertEquals(hasImage, s[b * layout.units() + u] != 0f, "item " + b);
            }
            assertTrue(ad.worstConditionNumber() < 1.5);
        }
    }
}
