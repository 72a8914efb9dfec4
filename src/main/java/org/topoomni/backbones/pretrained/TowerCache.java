package org.topoomni.backbones.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import me.tongfei.progressbar.ProgressBar;
import org.topoomni.model.LayerHook;
import org.topoomni.nn.Nn;
import org.topoomni.optim.Steps;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The frozen towers' outputs for the base training, computed once per item: the MobileNetV3's
 * last grid ({@code extern1}, positions x 480) and the position means of the summary sites of
 * every image, and of its left-right mirror image where asked (the training's augmentation),
 * and the MiniLM's last hidden states of every distinct prompt. They do not depend on anything
 * trained, so one cache serves every model on the same towers and config.
 */
final class TowerCache {
    private final PretrainedOmni model;
    private final PretrainedOmniConfig cfg;
    private final Map<OmniInput, float[][]> cnn = new IdentityHashMap<>(); // {grid, summaries, mirrored grid, mirrored summaries}
    private final Map<String, float[]> prompts = new HashMap<>();           // MiniLM states by prompt
    private final int[] summaryWidths;
    private final int headWidth;

    TowerCache(PretrainedOmni model) {
        this.model = model;
        this.cfg = model.config();
        summaryWidths = new int[cfg.summarySites().size()];
        for (int k = 0; k < summaryWidths.length; k++) summaryWidths[k] = model.cnn().widths()[cfg.summarySites().get(k)];
        headWidth = model.cnn().widths()[PretrainedOmniConfig.CNN_SITES - 1];
    }

    static String promptKey(int[] text) {
        return Arrays.toString(text);
    }

    boolean has(OmniInput image) {
        return cnn.containsKey(image);
    }

    /** Runs the MobileNetV3 on every image of the items (and on the mirror image of the {@code mirror} ones) and the MiniLM on every distinct prompt. */
    void fill(NDManager manager, List<OmniPretrainer.Item> items, Predicate<OmniPretrainer.Item> mirror, PrintStream log) {
        long t0 = System.nanoTime();
        List<OmniPretrainer.Item> images = items.stream().filter(OmniPretrainer.Item::image).toList();
        int chunk = 64, size = cfg.imageSize();
        try (ProgressBar bar = Steps.bar("vision tower", images.size(), log)) {
            for (int from = 0; from < images.size(); from += chunk) {
                List<OmniPretrainer.Item> part = images.subList(from, Math.min(images.size(), from + chunk));
                List<byte[]> px = new ArrayList<>();
                List<Integer> owner = new ArrayList<>(); // i: the image of part item i; -1 - i: its mirror image
                for (int i = 0; i < part.size(); i++) {
                    px.add(part.get(i).input().image());
                    owner.add(i);
                    if (mirror.test(part.get(i))) {
                        px.add(PretrainedOmniProcessor.flip(part.get(i).input().image(), size));
                        owner.add(-1 - i);
                    }
                }
                float[][] grid, sum;
                try (NDManager m = manager.newSubManager()) {
                    PretrainedOmni.CnnFeatures f = model.cnnFeatures(m, px, Nn.range(px.size()), LayerHook.NONE);
                    grid = OmniPretrainer.rows(f.grid().toFloatArray(), px.size());
                    sum = OmniPretrainer.rows(f.summaries().isEmpty() ? new float[0] : NDArrays.concat(new NDList(f.summaries()), 1).toFloatArray(), px.size());
                }
                for (int r = 0; r < px.size(); r++) {
                    int o = owner.get(r);
                    float[][] e = cnn.computeIfAbsent(part.get(o >= 0 ? o : -1 - o).input(), k -> new float[4][]);
                    e[o >= 0 ? 0 : 2] = grid[r];
                    e[o >= 0 ? 1 : 3] = sum[r];
                }
                bar.stepBy(part.size());
            }
        }
        Map<String, int[]> distinct = new LinkedHashMap<>();
        for (OmniPretrainer.Item it : items) if (!it.input().plainText()) distinct.putIfAbsent(promptKey(it.input().text()), it.input().text());
        List<int[]> texts = new ArrayList<>(distinct.values());
        for (int from = 0; from < texts.size(); from += chunk) {
            List<int[]> part = texts.subList(from, Math.min(texts.size(), from + chunk));
            try (NDManager m = manager.newSubManager()) {
                NDArray states = model.textStates(m, part, LayerHook.NONE); // (n, L, 384)
                int len = (int) states.getShape().get(1), d = PretrainedOmni.TEXT_WIDTH;
                float[] all = states.toFloatArray();
                for (int i = 0; i < part.size(); i++) {
                    prompts.put(promptKey(part.get(i)), Arrays.copyOfRange(all, i * len * d, (i * len + part.get(i).length) * d));
                }
            }
        }
        log.printf(Locale.ROOT, "tower caches: %d images (%d with mirror images), %d prompts in %.1f s%n", images.size(),
                images.stream().filter(mirror).count(), texts.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** The cached CNN features of images, as the model's input to the adapter (the mirror image's where {@code mirrored[i]} and cached). */
    PretrainedOmni.CnnFeatures cnnFeatures(NDManager m, List<OmniInput> images, boolean[] mirrored) {
        int n = images.size(), positions = cfg.gridPositions();
        int sumWidth = Arrays.stream(summaryWidths).sum();
        float[] grid = new float[n * positions * headWidth], sum = new float[n * sumWidth];
        for (int i = 0; i < n; i++) {
            float[][] e = cnn.get(images.get(i));
            if (e == null) throw new IllegalStateException("no cached vision features for an image");
            int v = mirrored[i] && e[2] != null ? 2 : 0;
            System.arraycopy(e[v], 0, grid, i * positions * headWidth, positions * headWidth);
            System.arraycopy(e[v + 1], 0, sum, i * sumWidth, sumWidth);
        }
        NDArray g = m.create(grid, new Shape(n, positions, headWidth));
        List<NDArray> summaries = new ArrayList<>();
        if (sumWidth > 0) {
            NDArray all = m.create(sum, new Shape(n, sumWidth));
            int off = 0;
            for (int w : summaryWidths) {
                summaries.add(all.get(":, " + off + ":" + (off + w)));
                off += w;
            }
        }
        return new PretrainedOmni.CnnFeatures(g, summaries);
    }

    /** The MiniLM states of every item's prompt, padded to the batch's longest (plain texts: zeros, the thinker does not read them). */
    NDArray promptStates(NDManager m, OmniBatch b) {
        int len = 0;
        for (int[] t : b.texts) len = Math.max(len, t.length);
        int d = PretrainedOmni.TEXT_WIDTH;
        float[] out = new float[b.size * len * d];
        for (int i = 0; i < b.size; i++) {
            if (b.inputs.get(i).plainText()) continue;
            float[] st = prompts.get(promptKey(b.texts.get(i)));
            if (st == null) throw new IllegalStateException("no cached MiniLM states for a prompt");
            System.arraycopy(st, 0, out, i * len * d, st.length);
        }
        return m.create(out, new Shape(b.size, len, d));
    }
}
