package org.topoomni.perturb;

import org.topoomni.backbones.tinyomni.Batch;
import org.topoomni.backbones.tinyomni.Example;
import org.topoomni.backbones.tinyomni.OmniConfig;
import org.topoomni.backbones.tinyomni.TinyOmni;
import org.topoomni.backbones.tinyomni.Tokenizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topoomni.model.CorticalAdaptors;
import org.topoomni.model.CorticalModel;
import org.topoomni.model.CorticalTap;
import org.topoomni.model.LayerSite;
import org.topoomni.sheet.SheetLayout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class InterventionTapTest {
    static NDManager manager;
    static CorticalModel model;
    static TinyOmni bb;
    static OmniConfig cfg;
    static List<Example> examples;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
        cfg = OmniConfig.testTiny();
        Tokenizer tok = Tokenizer.train(List.of("what do you see", "a face", "a body"), cfg.vocabSize());
        bb = new TinyOmni(manager, cfg, tok, 5);
        CorticalAdaptors ad = new CorticalAdaptors(manager, bb.stacks(), 6);
        ad.cacheInverses();
        model = new CorticalModel(bb, ad, "tiny");
        SplittableRandom rng = new SplittableRandom(3);
        examples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            float[] img = new float[3 * cfg.imageSize() * cfg.imageSize()];
            for (int k = 0; k < img.length; k++) img[k] = (float) rng.nextGaussian();
            examples.add(Example.chat(img, null, tok.encode(i == 1 ? "what do you see in a face" : "what do you see"), new int[0])); // item 0 padded
        }
    }

    @AfterAll
    static void stop() {
        model.close();
        manager.close();
    }

    /** Keeps a copy of every layer's Z (and the token map) as it passes. */
    static final class Recorder implements CorticalTap {
        final Map<LayerSite, float[]> z = new HashMap<>();
        final Map<LayerSite, long[]> shape = new HashMap<>();
        final Map<LayerSite, float[]> valid = new HashMap<>();
        final Map<LayerSite, int[]> items = new HashMap<>();

        @Override
        public NDArray onZ(LayerSite site, NDArray x, org.topoomni.model.TokenMap tokens) {
            z.put(site, x.toFloatArray());
            shape.put(site, x.getShape().getShape());
            valid.put(site, tokens.valid());
            items.put(site, tokens.items());
            return x;
        }
    }

    @Test
    void addsExactlyDeltaOnTheMaskedUnitsAtEveryCountedTokenAndNothingElsewhere() {
        SheetLayout sheet = model.backbone().sheet();
        int v0 = sheet.unit("vision", 0, 3), v1 = sheet.unit("vision", 1, 7), v2 = sheet.unit("vision", 1, 8), l1 = sheet.unit("language", 1, 5);
        Intervention a = new Intervention(new int[] {v0, v1, l1}, new float[] {0.75f, -1.5f, 2f});
        Intervention b = Intervention.suppress(new int[] {v2}, filled(sheet.units(), v2, 0.5f));
        List<Intervention> per = List.of(a, Intervention.NONE, b);
        Recorder before = new Recorder(), after = new Recorder();
        try (NDManager m = manager.newSubManager()) {
            bb.forward(m, new Batch(cfg, examples, false),
                    model.hook(before.then(new InterventionTap(sheet, per)).then(after)));
        }
        Map<Integer, Map<Integer, Float>> expected = new HashMap<>(); // item -> unit -> delta
        for (int i = 0; i < per.size(); i++) {
            Map<Integer, Float> d = new HashMap<>();
            for (int k = 0; k < per.get(i).size(); k++) d.put(per.get(i).units()[k], per.get(i).delta()[k]);
            expected.put(i, d);
        }
        int changed = 0;
        assertEquals(before.z.keySet(), after.z.keySet());
        assertEquals(cfg.vision().layers() + cfg.language().layers(), before.z.size(), "every vision and language layer passes the tap (no sound here)");
        for (LayerSite site : before.z.keySet()) {
            float[] z0 = before.z.get(site), z1 = after.z.get(site);
            long[] sh = before.shape.get(site);
            int rows = (int) sh[0], tokens = (int) sh[1], width = (int) sh[2];
            for (int r = 0; r < rows; r++) {
                int item = before.items.get(site)[r];
                for (int t = 0; t < tokens; t++) {
                    float valid = before.valid.get(site)[r * tokens + t];
                    for (int ch = 0; ch < width; ch++) {
                        int idx = (r * tokens + t) * width + ch;
                        Float d = expected.get(item).get(sheet.unit(site.stack(), site.layer(), ch));
                        float want = d == null || valid == 0f ? z0[idx] : z0[idx] + d;
                        assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(z1[idx]),
                                site + " item " + item + " token " + t + " channel " + ch + ": " + z0[idx] + " -> " + z1[idx]);
                        if (z1[idx] != z0[idx]) changed++;
                    }
                }
            }
        }
        // item 0: v0 and v1 at every image token (16 patches each), l1 at its counted prompt tokens; item 2: v2 at 16 patches
        int patches = cfg.patches();
        float[] langValid = before.valid.get(new LayerSite("language", 1));
        int tokens0 = 0;
        int lt = (int) before.shape.get(new LayerSite("language", 1))[1];
        for (int t = 0; t < lt; t++) tokens0 += langValid[t] == 1f ? 1 : 0;
        assertTrue(tokens0 > 0 && tokens0 < lt, "the language stack counts item 0's prompt tokens, not its padding: " + tokens0 + " of " + lt);
        assertEquals(3 * patches + tokens0, changed, "only the masked units of the intervened items change");
    }

    private static float[] filled(int n, int unit, float v) {
        float[] d = new float[n];
        d[unit] = v;
        return d;
    }

    @Test
    void anEmptyInterventionGivesExactlyTheUnperturbedModel() {
        SheetLayout sheet = model.backbone().sheet();
        List<Intervention> none = List.of(Intervention.NONE, Intervention.drive(new int[0], new float[sheet.units()]), Intervention.NONE);
        float[] plain, tapped, driven;
        try (NDManager m = manager.newSubManager()) {
            Batch batch = new Batch(cfg, examples, false);
            plain = bb.forward(m, batch, model.hook(CorticalTap.NONE)).toFloatArray();
            tapped = bb.forward(m, batch, model.hook(new InterventionTap(sheet, none))).toFloatArray();
            float[] delta = new float[sheet.units()];
            for (int u : sheet.stackUnits("vision")) delta[u] = 3f;
            Intervention big = Intervention.drive(sheet.stackUnits("vision"), delta);
            driven = bb.forward(m, batch, model.hook(new InterventionTap(sheet, List.of(big, big, big)))).toFloatArray();
        }
        assertArrayEquals(plain, tapped, "coverage 0 (an empty mask) must not change a single logit");
        assertFalse(java.util.Arrays.equals(plain, driven), "a real intervention changes the logits");
        List<org.topoomni.model.ModelInput> inputs = new ArrayList<>(examples);
        var a = bb.generate(manager, inputs, 4, model.hook(CorticalTap.NONE));
        var b = bb.generate(manager, inputs, 4, model.hook(new InterventionTap(sheet, none)));
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i).tokens(), b.get(i).tokens(), "identical answers");
    }

    @Test
    void badInterventionsAreClearErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Intervention(new int[] {1, 1}, new float[] {1, 2}));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Intervention(new int[] {1}, new float[] {1, 2}));
        assertTrue(e.getMessage().contains("one delta per unit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Intervention(new int[] {1}, new float[] {Float.NaN}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        SheetLayout sheet = model.backbone().sheet();
        e = assertThrows(IllegalArgumentException.class, () -> new InterventionTap(sheet, List.of(new Intervention(new int[] {sheet.units()}, new float[] {1}))));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
    }
}
