package org.topoomni.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.topoomni.sheet.Band;
import org.topoomni.sheet.SheetLayout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tap that gathers the sheet's response to each item of a batch: every layer's cortical units
 * Z, averaged over the item's real tokens, placed on the one sheet. {@link #sheet} then returns a
 * (items x units) matrix in the sheet's row-major unit order, differentiable, so the spatial loss
 * can train the adaptors through it. A stack an item does not use (vision for a sound) is 0.
 */
public final class SheetTap implements CorticalTap {
    private final SheetLayout layout;
    private final List<LayerSite> order;
    private final Map<LayerSite, Integer> offset = new HashMap<>();
    private final long[] sheetIndex; // unit -> column in the concatenation of all layers
    private final int totalWidth;
    private final Map<LayerSite, NDArray> means = new HashMap<>();
    private int batchSize = -1;

    public SheetTap(SheetLayout layout, List<LayerSite> sites) {
        this.layout = layout;
        this.order = List.copyOf(sites);
        int off = 0;
        for (LayerSite s : order) {
            offset.put(s, off);
            off += width(layout, s);
        }
        this.totalWidth = off;
        if (totalWidth != layout.units()) {
            throw new IllegalArgumentException("the recorded layers hold " + totalWidth + " units but the sheet has " + layout.units());
        }
        sheetIndex = new long[layout.units()];
        for (int u = 0; u < layout.units(); u++) {
            var a = layout.address(u);
            sheetIndex[u] = offset.get(new LayerSite(a.stack(), a.layer())) + a.channel();
        }
    }

    /** The width of a site's layer on the sheet. */
    static int width(SheetLayout layout, LayerSite site) {
        Band b;
        try {
            b = layout.band(site.stack());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("site " + site + " is not on the sheet");
        }
        if (site.layer() < 0 || site.layer() >= b.stack().layers()) throw new IllegalArgumentException("site " + site + " is not on the sheet");
        return b.stack().width(site.layer());
    }

    /** Starts a new batch of {@code items} items. */
    public void reset(int items) {
        means.clear();
        batchSize = items;
    }

    @Override
    public NDArray onZ(LayerSite site, NDArray z, TokenMap tokens) {
        if (batchSize < 0) throw new IllegalStateException("call reset(items) before the forward pass");
        NDManager m = z.getManager();
        long rows = z.getShape().get(0), t = z.getShape().get(1);
        NDArray valid = m.create(tokens.valid(), new Shape(rows, t, 1));
        float[] counts = new float[(int) rows];
        for (int r = 0; r < rows; r++) {
            float c = 0;
            for (int k = 0; k < t; k++) c += tokens.valid()[r * (int) t + k];
            counts[r] = Math.max(c, 1f);
        }
        NDArray mean = z.mul(valid).sum(new int[] {1}).div(m.create(counts, new Shape(rows, 1)));
        boolean identity = rows == batchSize;
        for (int r = 0; identity && r < rows; r++) identity = tokens.items()[r] == r;
        if (!identity) {
            long[] idx = new long[batchSize];
            for (int r = 0; r < rows; r++) idx[tokens.items()[r]] = r + 1;
            NDArray padded = NDArrays.concat(new NDList(m.zeros(new Shape(1, mean.getShape().get(1)), mean.getDataType()), mean), 0);
            mean = padded.get(new NDIndex("{}", m.create(idx)));
        }
        means.put(site, mean);
        return z;
    }

    /** Records a layer's per-item means directly (items x width), e.g. from cached hidden states. */
    public void record(LayerSite site, NDArray itemMeans) {
        if (batchSize < 0) throw new IllegalStateException("call reset(items) first");
        if (itemMeans.getShape().get(0) != batchSize) {
            throw new IllegalArgumentException("expected " + batchSize + " items for " + site + ", got " + itemMeans.getShape());
        }
        means.put(site, itemMeans);
    }

    /** The batch's sheet, (items x units); layers no item reached are 0. */
    public NDArray sheet(NDManager m) {
        NDList parts = new NDList();
        for (LayerSite s : order) {
            NDArray mean = means.get(s);
            if (mean == null) mean = m.zeros(new Shape(batchSize, width(layout, s)));
            parts.add(mean);
        }
        NDArray all = NDArrays.concat(parts, 1);
        return all.get(new NDIndex(":, {}", m.create(sheetIndex)));
    }

    /** Per-site token means of the last batch (items x width), for caching. */
    public Map<LayerSite, NDArray> layerMeans() {
        return means;
    }
}
