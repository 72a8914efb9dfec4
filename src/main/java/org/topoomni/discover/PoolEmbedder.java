package org.topoomni.discover;

import ai.djl.ndarray.NDManager;
import org.topoomni.model.Backbone;
import org.topoomni.model.CorticalModel;
import org.topoomni.model.ResponseRecorder;
import org.topoomni.sheet.Band;
import org.topoomni.sheet.Modality;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;
import org.topoomni.stimuli.Stimulus;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Embeddings of pool items from an embedder that does not see the topographic sheet: the BASE
 * backbone (the checkpoint the cortical adaptors were trained on, without the adaptors).
 *
 * <p>An item's embedding is the pooled final hidden state of the stacks of its modality: the
 * output of the last layer of the vision stack(s) for an image, of the audio stack(s) for a
 * sound, of the language stack(s) for a text-only item, each averaged over the item's tokens
 * (image patches, audio frames, prompt tokens) and scaled to unit length. An item with both an
 * image and a sound gets both blocks. The blocks sit side by side (vision | audio | language, the
 * backbone's stack order; a block the item does not use is 0) and the whole vector is scaled to
 * unit length, so items of different modalities are sqrt(2) apart and Ward's tree separates
 * them first.
 *
 * <p>Why these states: they are what the backbone itself makes of the stimulus before any
 * prompt or answer text, so images are grouped by what the vision encoder sees and sounds by what
 * the audio encoder hears. They are independent of the topographic training (the adaptors and
 * the spatial loss), not of the backbone: the sheet re-expresses the same backbone's hidden
 * states, whereas the paper embeds its clips with a separate multimodal model.
 *
 * <p>The states are read with {@link ResponseRecorder}: {@link #embed} runs the bare
 * backbone, whose "sheet" is then the raw hidden states of every layer averaged over tokens, and
 * picks the last layer of each stack out of it; {@link #record} gets the same states during the
 * topographic model's own forward pass ({@link TappedBackbone}: read before the adaptors, which
 * pass them on unchanged), so a screening costs one forward pass per item, not two.
 */
public final class PoolEmbedder {

    private PoolEmbedder() {
    }

    /** Embeds {@code items} with the bare {@code backbone} (no adaptors): n x dim, row-major, unit length. */
    public static double[] embed(NDManager manager, Backbone backbone, List<Stimulus> items, int batchSize) {
        CorticalModel bare = new CorticalModel(backbone, null, "base"); // a view: not closed, the backbone belongs to the caller
        SheetResponses raw = ResponseRecorder.record(manager, bare, items, batchSize);
        return fromBareResponses(raw, items);
    }

    /**
     * The model's sheet responses and the base embeddings of the same items, with one forward
     * pass per batch.
     *
     * @param sheet      the model's sheet responses (one row per item, in order)
     * @param embeddings n x dim, row-major, unit length
     * @param dim        embedding width
     */
    public record Recorded(SheetResponses sheet, double[] embeddings, int dim) {}

    /** Records {@code items} with {@code model}, in chunks with a progress line each on {@code log} (may be null). */
    public static Recorded record(NDManager manager, CorticalModel model, List<Stimulus> items, int batchSize, PrintStream log) {
        TappedBackbone tapped = new TappedBackbone(model.backbone(), model.sheet());
        CorticalModel view = new CorticalModel(tapped, model.adaptors(), model.name(), model.sheet()); // a view: not closed
        SheetLayout layout = model.sheet();
        int d = dim(layout), chunk = Math.max(batchSize, 256);
        float[] data = new float[items.size() * layout.units()];
        double[] emb = new double[items.size() * d];
        List<SheetResponses.Row> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < items.size(); i += chunk) {
            List<Stimulus> part = new ArrayList<>(items.subList(i, Math.min(items.size(), i + chunk))); // decoded once per chunk
            SheetResponses r = ResponseRecorder.record(manager, view, part, batchSize);
            double[] e = fromBareResponses(tapped.take(r.rows()), part);
            System.arraycopy(r.data(), 0, data, i * layout.units(), r.data().length);
            System.arraycopy(e, 0, emb, i * d, e.length);
            rows.addAll(r.rows());
            double secs = (System.nanoTime() - t0) / 1e9;
            if (log != null) {
                log.printf(Locale.ROOT, "  forward passes: %d / %d items (%.1f s, ETA %.0f s)%n", rows.size(), items.size(), secs,
                        secs / rows.size() * (items.size() - rows.size()));
            }
        }
        return new Recorded(new SheetResponses(layout, data, rows), emb, d);
    }

    /** The embedding width on a sheet: the summed widths of its stacks' last layers. */
    public static int dim(SheetLayout layout) {
        int d = 0;
        for (Band b : layout.bands()) d += b.stack().width(b.stack().layers() - 1);
        return d;
    }

    /**
     * Picks the embeddings out of a bare backbone's sheet responses (one row per item, in order):
     * per item, the last layer of each stack of a modality it uses, each block scaled to unit
     * length, then the whole vector.
     */
    public static double[] fromBareResponses(SheetResponses raw, List<Stimulus> items) {
        if (raw.stimuli() != items.size()) {
            throw new IllegalArgumentException("responses hold " + raw.stimuli() + " items but " + items.size() + " were given");
        }
        SheetLayout layout = raw.layout();
        int d = dim(layout), units = layout.units();
        double[] out = new double[items.size() * d];
        float[] data = raw.data();
        for (int i = 0; i < items.size(); i++) {
            Stimulus s = items.get(i);
            if (!s.id().equals(raw.rows().get(i).id())) {
                throw new IllegalArgumentException("response row " + i + " is " + raw.rows().get(i).id() + ", not " + s.id());
            }
            int off = 0;
            for (Band b : layout.bands()) {
                int w = b.stack().width(b.stack().layers() - 1);
                if (uses(s, b.stack().modality())) {
                    int[] unitsOfLast = layout.layerUnits(b.stack().name(), b.stack().layers() - 1);
                    double norm = 0;
                    for (int c = 0; c < w; c++) {
                        double v = data[i * units + unitsOfLast[c]];
                        out[i * d + off + c] = v;
                        norm += v * v;
                    }
                    scale(out, i * d + off, w, norm);
                }
                off += w;
            }
            double norm = 0;
            for (int k = 0; k < d; k++) norm += out[i * d + k] * out[i * d + k];
            if (norm == 0) throw new IllegalArgumentException("item " + s.id() + " has an all-zero embedding (no image, sound or text reached the model)");
            scale(out, i * d, d, norm);
        }
        return out;
    }

    /** Whether an item drives the stacks of a modality: images the vision stacks, sounds the audio stacks, a text alone the language stack. */
    static boolean uses(Stimulus s, Modality m) {
        return switch (m) {
            case VISION -> s.hasImage();
            case AUDIO -> s.hasAudio();
            case LANGUAGE -> !s.hasImage() && !s.hasAudio();
        };
    }

    private static void scale(double[] v, int from, int len, double sumSq) {
        if (sumSq == 0) return;
        double f = 1 / Math.sqrt(sumSq);
        for (int k = 0; k < len; k++) v[from + k] *= f;
    }
}
