package org.topoomni.backbones.tinyomni;

import org.topoomni.nn.Scalar;

import org.topoomni.model.LayerHook;
import org.topoomni.model.LayerSite;
import org.topoomni.model.Weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Auxiliary category heads on the encoders, used only during pretraining: a linear classifier
 * on the mean-pooled last vision layer and one on the mean-pooled last audio layer, trained with
 * cross-entropy next to the answer loss.
 *
 * <p>Why: a language model that must learn to name a picture from scratch gives the vision
 * encoder a weak, late gradient (in 900-step runs the encoder learned slowly: 26.5% held-out
 * visual accuracy). Qwen2.5-Omni's encoders are themselves pretrained before the Thinker learns
 * to read them; a category head is the small-scale stand-in for that encoder pretraining and
 * gives the encoders a direct signal from the first step.
 *
 * <p>The heads' parameters live in the model's {@link Weights} under {@code aux.} names while
 * training (so the optimiser, the resumable state and gradient clipping treat them like every
 * other parameter) and are removed before the checkpoint is written: the released model has no
 * trace of them. Labels: an image's category (visual, retinotopy), a sound's category (auditory,
 * tonotopy); an audiovisual pair "faces+speech" teaches both heads its two parts.
 */
public final class EncoderHeads {
    public static final String PREFIX = "aux.";
    private static final String VW = PREFIX + "vision.w", VB = PREFIX + "vision.b", AW = PREFIX + "audio.w", AB = PREFIX + "audio.b";

    private final List<String> visual, auditory;
    private final double weight;

    private EncoderHeads(List<String> visual, List<String> auditory, double weight) {
        this.visual = visual;
        this.auditory = auditory;
        this.weight = weight;
    }

    /** The classes each head learns, from the training items. */
    public static EncoderHeads of(List<PretrainItem> items, double weight) {
        TreeSet<String> v = new TreeSet<>(), a = new TreeSet<>();
        for (PretrainItem it : items) {
            switch (it.family()) {
                case "visual", "retinotopy" -> v.add(it.category());
                case "auditory", "tonotopy" -> a.add(it.category());
                default -> { }
            }
        }
        return new EncoderHeads(List.copyOf(v), List.copyOf(a), weight);
    }

    public List<String> visualClasses() { return visual; }

    public List<String> auditoryClasses() { return auditory; }

    /** Adds the head parameters (zero-initialised: the first steps start from uniform predictions). */
    public void attach(TinyOmni model) {
        Weights w = model.weights();
        int dv = model.config().vision().dim(), da = model.config().audio().dim();
        if (!visual.isEmpty()) {
            w.constant(VW, 0f, dv, visual.size());
            w.constant(VB, 0f, visual.size());
        }
        if (!auditory.isEmpty()) {
            w.constant(AW, 0f, da, auditory.size());
            w.constant(AB, 0f, auditory.size());
        }
    }

    /** Removes the head parameters before the model is saved. */
    public static void detach(TinyOmni model) {
        for (String name : List.copyOf(model.weights().names())) {
            if (name.startsWith(PREFIX)) model.weights().remove(name);
        }
    }

    /** One training step's capture of the last encoder layers. */
    public final class Step implements LayerHook {
        private final int lastVision, lastAudio;
        private NDArray vision, audio;

        Step(TinyOmni model) {
            this.lastVision = model.config().vision().layers() - 1;
            this.lastAudio = model.config().audio().layers() - 1;
        }

        @Override
        public NDArray apply(LayerSite site, NDArray output, org.topoomni.model.TokenMap tokens) {
            if (site.stack().equals(TinyOmni.VISION) && site.layer() == lastVision) vision = output.mean(new int[] {1});
            if (site.stack().equals(TinyOmni.AUDIO) && site.layer() == lastAudio) audio = output.mean(new int[] {1});
            return output;
        }

        /**
         * The weighted head loss for this batch (a scalar), or null when no item has a label.
         *
         * @param categories category of each batch item
         * @param families   family of each batch item
         */
        NDArray loss(TinyOmni model, Batch batch, List<String> categories, List<String> families) {
            NDArray total = null;
            if (vision != null && !visual.isEmpty()) {
                NDArray l = headLoss(model, vision, batch.imageItems, categories, families, visual, VW, VB, 0);
                if (l != null) total = l;
            }
            if (audio != null && !auditory.isEmpty()) {
                NDArray l = headLoss(model, audio, batch.audioItems, categories, families, auditory, AW, AB, 1);
                if (l != null) total = total == null ? l : total.add(l);
            }
            return total == null ? null : Scalar.mul(total, weight);
        }
    }

    /**
     * The heads' predicted class of every batch item read by an encoder in the captured step
     * (the vision head for items with an image, else the audio head; null for items with neither).
     */
    String[] predict(TinyOmni model, Batch batch, Step captured) {
        String[] out = new String[batch.size];
        Map<String, NDArray> w = model.weights().all();
        if (captured.audio != null && !auditory.isEmpty()) {
            long[] k = captured.audio.matMul(w.get(AW)).add(w.get(AB)).argMax(-1).toLongArray();
            for (int r = 0; r < batch.audioItems.length; r++) out[batch.audioItems[r]] = auditory.get((int) k[r]);
        }
        if (captured.vision != null && !visual.isEmpty()) {
            long[] k = captured.vision.matMul(w.get(VW)).add(w.get(VB)).argMax(-1).toLongArray();
            for (int r = 0; r < batch.imageItems.length; r++) out[batch.imageItems[r]] = visual.get((int) k[r]);
        }
        return out;
    }

    public Step step(TinyOmni model) {
        return new Step(model);
    }

    /** Mean cross-entropy over the rows that have a label among {@code classes}. */
    private static NDArray headLoss(TinyOmni model, NDArray pooled, int[] rowItems, List<String> categories, List<String> families,
                                    List<String> classes, String wName, String bName, int part) {
        Map<String, NDArray> w = model.weights().all();
        List<Integer> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int r = 0; r < rowItems.length; r++) {
            int item = rowItems[r];
            String cat = categories.get(item);
            String label = families.get(item).equals("audiovisual") ? partOf(cat, part) : cat;
            int k = label == null ? -1 : classes.indexOf(label);
            if (k >= 0) {
                rows.add(r);
                labels.add(k);
            }
        }
        if (rows.isEmpty()) return null;
        NDManager m = pooled.getManager();
        long[] rowIdx = rows.stream().mapToLong(Integer::longValue).toArray();
        long[] lab = labels.stream().mapToLong(Integer::longValue).toArray();
        NDArray x = pooled.get(m.create(rowIdx));
        NDArray logp = x.matMul(w.get(wName)).add(w.get(bName)).logSoftmax(-1);
        return logp.gather(m.create(lab, new Shape(lab.length, 1)), 1).mean().neg();
    }

    /** "faces+speech": part 0 is "faces", part 1 "speech"; null when there is no such part. */
    static String partOf(String category, int part) {
        String[] p = category.split("\\+");
        return p.length == 2 ? p[part] : null;
    }
}
