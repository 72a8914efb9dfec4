package org.topoomni.discover;

import org.topoomni.backbones.tinyomni.Checkpoint;
import org.topoomni.backbones.tinyomni.OmniConfig;
import org.topoomni.backbones.tinyomni.TinyOmni;
import org.topoomni.backbones.tinyomni.Tokenizer;

import ai.djl.ndarray.NDManager;
import org.topoomni.model.CorticalAdaptors;
import org.topoomni.model.CorticalModel;
import org.topoomni.model.LayerSite;
import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.Provenance;
import org.topoomni.stimuli.Stimulus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A tiny untrained TinyOmni with cortical adaptors far from the identity, in memory or on disk, and a few stimuli. */
public final class TinyModels {
    private TinyModels() {
    }

    static final Tokenizer TOKENIZER = Tokenizer.train(List.of("what do you see", "what do you hear", "describe this"), Tokenizer.SPECIALS + 256 + 40);

    /** The topographic model: adaptors W = I + 0.5 N(0, 1) / sqrt(d), well conditioned but far from I, so Z differs from X. */
    public static CorticalModel topographic(NDManager manager, long seed) {
        TinyOmni bb = new TinyOmni(manager, OmniConfig.testTiny(), TOKENIZER, seed);
        CorticalAdaptors ad = new CorticalAdaptors(manager, bb.stacks(), seed);
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (Map.Entry<LayerSite, String> e : ad.names().entrySet()) { // W = I + 0.5 N(0, 1) / sqrt(d)
            int d = (int) ad.matrix(e.getKey()).getShape().get(0);
            float[] w = new float[d * d];
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) w[i * d + j] = (float) ((i == j ? 1 : 0) + 0.5 * r.nextGaussian() / Math.sqrt(d));
            ad.matrix(e.getKey()).set(java.nio.FloatBuffer.wrap(w));
        }
        ad.cacheInverses();
        return new CorticalModel(bb, ad, "tiny-topo");
    }

    /** Writes the model as a train output: {@code dir/base} (checkpoint) and {@code dir/topo} (adaptors + cortical.json); returns dir/topo. */
    public static Path write(Path dir, long seed) throws IOException {
        Path base = dir.resolve("base"), topo = dir.resolve("topo");
        try (NDManager m = NDManager.newBaseManager(); CorticalModel cm = topographic(m, seed)) {
            Checkpoint.save(base, (TinyOmni) cm.backbone(), Map.of());
            Files.createDirectories(topo);
            cm.adaptors().save(topo.resolve(CorticalModel.ADAPTORS), Map.of());
            Files.writeString(topo.resolve(CorticalModel.META), "{\"base\": \"" + base.toAbsolutePath().toString().replace("\\", "\\\\") + "\"}");
        }
        return topo;
    }

    /** {@code n} stimuli alternating random images and noisy tones. */
    static List<Stimulus> stimuli(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Stimulus> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 32; y++) for (int x = 0; x < 32; x++) img.setRGB(x, y, r.nextInt(1 << 24));
                out.add(new Stimulus("img_" + i, "pool", 1, img, null, null, Map.of(), Provenance.generated("test", i)));
            } else {
                float[] s = new float[4000];
                double f = 200 + r.nextInt(2000);
                for (int k = 0; k < s.length; k++) s[k] = (float) (0.3 * Math.sin(2 * Math.PI * f * k / 16000) + 0.05 * r.nextGaussian());
                out.add(new Stimulus("snd_" + i, "pool", 1, null, new Audio(s, 16000), null, Map.of(), Provenance.generated("test", i)));
            }
        }
        return out;
    }
}
