package org.topoomni.perturb;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.topoomni.model.CorticalTap;
import org.topoomni.model.LayerSite;
import org.topoomni.model.TokenMap;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.UnitAddress;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one {@link Intervention} per batch item to the cortical units Z of every layer, through
 * the adaptors' tap ({@link org.topoomni.model.CorticalModel#hook}), so that a batch can hold many
 * conditions at once.
 *
 * <p><b>From the sheet back to tokens.</b> The sheet shows, per stimulus, each unit's Z averaged
 * over the stimulus's tokens (image patches for the vision stack; {@link TokenMap#valid()} says
 * which tokens count). The mean is linear, so adding the same delta to the unit at every token
 * that enters the mean moves the stimulus's sheet value by exactly delta:
 * {@code mean_t(Z_t + delta) = mean_t(Z_t) + delta}. That is what the tap does: at every layer it
 * adds the unit's delta to every counted token (every token of a vision layer, all of which
 * count; in the language stack the prompt's tokens up to the answer), and leaves everything
 * else as it was. A layer with no intervened unit in the batch is returned untouched, so an empty
 * intervention is no intervention at all. The delta comes from per-stimulus means, so it is the
 * same for every token: the mean is the only quantity the sheet measured. With deltas at every
 * layer, the change a layer sees is its own delta plus whatever the layers below passed on.
 */
public final class InterventionTap implements CorticalTap {
    private final int items;
    /** Per layer with any intervened unit: items x width deltas. */
    private final Map<LayerSite, float[]> dense = new HashMap<>();
    private final Map<LayerSite, Integer> widths = new HashMap<>();

    /**
     * @param layout  the model's sheet
     * @param perItem the intervention on each batch item, in batch order ({@link Intervention#NONE} for none)
     */
    public InterventionTap(SheetLayout layout, List<Intervention> perItem) {
        if (perItem == null || perItem.isEmpty()) throw new IllegalArgumentException("an intervention tap needs one intervention per batch item");
        this.items = perItem.size();
        for (int i = 0; i < items; i++) {
            Intervention iv = perItem.get(i);
            if (iv == null) throw new IllegalArgumentException("intervention of batch item " + i + " is null; use Intervention.NONE");
            for (int k = 0; k < iv.size(); k++) {
                int u = iv.units()[k];
                if (u >= layout.units()) throw new IllegalArgumentException("unit " + u + " is outside the " + layout.units() + "-unit sheet");
                if (iv.delta()[k] == 0f) continue;
                UnitAddress a = layout.address(u);
                LayerSite site = new LayerSite(a.stack(), a.layer());
                int width = layout.band(a.stack()).stack().width(a.layer());
                widths.put(site, width);
                dense.computeIfAbsent(site, s -> new float[items * width])[i * width + a.channel()] += iv.delta()[k];
            }
        }
    }

    /** Layers this tap changes. */
    public java.util.Set<LayerSite> sites() {
        return java.util.Collections.unmodifiableSet(dense.keySet());
    }

    @Override
    public NDArray onZ(LayerSite site, NDArray z, TokenMap tokens) {
        float[] d = dense.get(site);
        if (d == null) return z;
        int width = widths.get(site);
        Shape shape = z.getShape();
        if (shape.dimension() != 3 || shape.get(2) != width) {
            throw new IllegalStateException("layer " + site + " has cortical units of shape " + shape + "; the sheet gives it width " + width);
        }
        int rows = tokens.rows(), t = (int) shape.get(1);
        float[] byRow = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            int item = tokens.items()[r];
            if (item < 0 || item >= items) {
                throw new IllegalStateException("batch item " + item + " has no intervention (the tap was made for " + items + " items)");
            }
            System.arraycopy(d, item * width, byRow, r * width, width);
        }
        NDManager m = z.getManager();
        NDArray delta = m.create(byRow, new Shape(rows, 1, width)).toType(z.getDataType(), false);
        boolean allValid = true;
        for (float v : tokens.valid()) if (v != 1f) { allValid = false; break; }
        if (!allValid) delta = delta.mul(m.create(tokens.valid(), new Shape(rows, t, 1)).toType(z.getDataType(), false));
        return z.add(delta);
    }
}
