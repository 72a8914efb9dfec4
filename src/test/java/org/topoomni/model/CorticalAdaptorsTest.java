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

    /** Sets every adaptor to W = I + 0.5 N(0, 1) / sqrt(d): well conditioned but far from the identity, so Z differs from X. */
    static void farFromIdentity(CorticalAdaptors ad, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (var e : ad.names().entrySet()) {
            NDArray w = ad.matrix(e.getKey());
            int d = (int) w.getShape().get(0);
            float[] v = new float[d * d];
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) v[i * d + j] = (float) ((i == j ? 1 : 0) + 0.5 * r.nextGaussian() / Math.sqrt(d));
            w.set(new ai.djl.ndarray.index.NDIndex("..."), manager.create(v, w.getShape()));
        }
        ad.cacheInverses();
    }

    @Test
    void adaptorsPreserveTheNetworkAndTheSheetShowsZ(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        OmniConfig cfg = OmniConfig.testTiny();
        Tokenizer tok = TinyOmniTest.tokenizer();
        try (TinyOmni model = new TinyOmni(manager, cfg, tok, 5);
             CorticalAdaptors ad = new CorticalAdaptors(manager, model.stacks(), 11);
             NDManager m = manager.newSubManager()) {
            farFromIdentity(ad, 12);
            double cond = ad.worstConditionNumber();
            assertTrue(cond > 1.5 && cond < 20, "W is far from orthogonal but invertible: condition " + cond);
            List<Example> ex = TinyOmniTest.examples(cfg, tok, 6, 3);
            Batch batch = new Batch(cfg, ex, true);
            SheetLayout layout = model.sheet();
            SheetTap bare = new SheetTap(layout, ad.sites());
            bare.reset(batch.size);
            float[] base = model.forward(m, batch, bare.asHook()).toFloatArray();
            SheetTap rec = new SheetTap(layout, ad.sites());
            rec.reset(batch.size);
            float[] adapted = model.forward(m, batch, ad.hook(rec)).toFloatArray();
            double worst = 0, scale = 0;
            for (int i = 0; i < base.length; i++) {
                worst = Math.max(worst, Math.abs(base[i] - adapted[i]));
                scale = Math.max(scale, Math.abs(base[i]));
            }
            assertTrue(worst < 1e-4 * Math.max(1, scale), "X_hat = Z W^-1 must give back X; logits differ by " + worst + " (largest " + scale + ")");

            NDArray sheet = rec.sheet(m);
            assertEquals(batch.size, sheet.getShape().get(0));
            assertEquals(layout.units(), sheet.getShape().get(1));
            // the sheet shows Z = X W (token means commute with W), not X
            LayerSite site = new LayerSite("vision", 1);
            int[] units = layout.layerUnits("vision", 1);
            float[] x = bare.layerMeans().get(site).toFloatArray(), z = rec.layerMeans().get(site).toFloatArray();
            float[] w = ad.matrix(site).toFloatArray();
            int d = units.length, rows = x.length / d;
            double differ = 0;
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < d; j++) {
                    double want = 0;
                    for (int i = 0; i < d; i++) want += x[r * d + i] * w[i * d + j];
                    assertEquals(want, z[r * d + j], 1e-4 * (1 + Math.abs(want)), "Z = mean(X) W at row " + r + " unit " + j);
                    differ = Math.max(differ, Math.abs(z[r * d + j] - x[r * d + j]));
                }
            }
            assertTrue(differ > 0.05, "Z differs from X when W is far from the identity: " + differ);
            // an item without an image has zeros on the vision stack; one with an image does not
            float[] s = sheet.toFloatArray();
            int u = layout.unit("vision", 0, 3);
            for (int b = 0; b < batch.size; b++) {
                boolean hasImage = ex.get(b).image() != null;
                assertEquals(hasImage, s[b * layout.units() + u] != 0f, "item " + b);
            }
            // save -> load -> the same matrices and the same sheet
            ad.save(dir.resolve("a.safetensors"), java.util.Map.of());
            try (CorticalAdaptors back = new CorticalAdaptors(manager, model.stacks(), 99)) {
                back.load(dir.resolve("a.safetensors"));
                assertArrayEquals(w, back.matrix(site).toFloatArray(), 0f);
                SheetTap again = new SheetTap(layout, back.sites());
                again.reset(batch.size);
                model.forward(m, batch, back.hook(again));
                assertArrayEquals(s, again.sheet(m).toFloatArray(), 0f);
            }
        }
    }
}
