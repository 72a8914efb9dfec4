package org.topoomni.discover;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.topoomni.model.Backbone;
import org.topoomni.model.Batch;
import org.topoomni.model.Example;
import org.topoomni.model.LayerHook;
import org.topoomni.model.LayerSite;
import org.topoomni.model.OmniConfig;
import org.topoomni.model.SheetRecorder;
import org.topoomni.model.Tokenizer;
import org.topoomni.model.Weights;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;
import org.topoomni.sheet.Stack;

import java.util.ArrayList;
import java.util.List;

/**
 * A backbone seen through a tap: every forward pass also records each layer's own output,
 * averaged over each item's tokens, BEFORE any hook of the caller (the cortical adaptors) sees
 * it. Run under a topographic model, one pass thus gives both the sheet (Z = X W, through the
 * caller's hook) and the backbone's hidden states X. The adaptors pass X_hat = Z W^-1 = X on, so
 * these are the base backbone's hidden states up to float rounding, at the cost of one forward
 * pass instead of two. It wraps, it does not own: closing it leaves the backbone open.
 */
final class TappedBackbone implements Backbone {
    private final Backbone inner;
    private final SheetRecorder raw;
    private final List<float[]> batches = new ArrayList<>();
    private int recorded;

    TappedBackbone(Backbone inner) {
        this.inner = inner;
        List<LayerSite> sites = new ArrayList<>();
        for (Stack st : inner.stacks()) for (int l = 0; l < st.layers(); l++) sites.add(new LayerSite(st.name(), l));
        this.raw = new SheetRecorder(inner.sheet(), sites);
    }

    @Override
    public List<Stack> stacks() { return inner.stacks(); }

    @Override
    public SheetLayout sheet() { return inner.sheet(); }

    @Override
    public OmniConfig config() { return inner.config(); }

    @Override
    public Tokenizer tokenizer() { return inner.tokenizer(); }

    @Override
    public Weights weights() { return inner.weights(); }

    @Override
    public NDArray forward(NDManager manager, Batch batch, LayerHook hook) {
        raw.reset(batch.size);
        NDArray out = inner.forward(manager, batch, raw.asHook().then(hook));
        float[] sheet = raw.sheet(manager).toFloatArray();
        batches.add(sheet);
        recorded += batch.size;
        return out;
    }

    @Override
    public List<int[]> generate(NDManager manager, List<Example> examples, int maxTokens, LayerHook hook) {
        throw new UnsupportedOperationException("a tapped backbone only records forward passes");
    }

    /** The hidden states recorded so far (one row per item, in forward order), as a bare backbone's sheet; clears the record. */
    SheetResponses take(List<SheetResponses.Row> rows) {
        if (rows.size() != recorded) throw new IllegalStateException("recorded " + recorded + " items, " + rows.size() + " rows given");
        SheetLayout l = inner.sheet();
        float[] data = new float[recorded * l.units()];
        int at = 0;
        for (float[] b : batches) {
            System.arraycopy(b, 0, data, at, b.length);
            at += b.length;
        }
        batches.clear();
        recorded = 0;
        return new SheetResponses(l, data, rows);
    }

    @Override
    public void close() {
        // the wrapped backbone belongs to the caller
    }
}
