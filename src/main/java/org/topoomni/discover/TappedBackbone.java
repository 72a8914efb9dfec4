package org.topoomni.discover;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.topoomni.model.Answer;
import org.topoomni.model.Backbone;
import org.topoomni.model.LayerHook;
import org.topoomni.model.ModelInput;
import org.topoomni.model.Output;
import org.topoomni.model.Processor;
import org.topoomni.model.SheetTap;
import org.topoomni.sheet.LayerStack;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;

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
    private final SheetTap raw;
    private final List<float[]> batches = new ArrayList<>();
    private int recorded;

    private final SheetLayout layout;

    /** Taps {@code inner}, laying its hidden states on {@code layout} (the model's sheet). */
    TappedBackbone(Backbone inner, SheetLayout layout) {
        this.inner = inner;
        this.layout = layout;
        this.raw = new SheetTap(layout, inner.sites());
    }

    @Override
    public String architecture() { return inner.architecture(); }

    @Override
    public List<LayerStack> stacks() { return inner.stacks(); }

    @Override
    public SheetLayout sheet() { return layout; }

    @Override
    public Processor processor() { return inner.processor(); }

    @Override
    public int inferenceBatch() { return inner.inferenceBatch(); }

    @Override
    public long parameterCount() { return inner.parameterCount(); }

    @Override
    public Output forward(NDManager manager, List<ModelInput> inputs, LayerHook hook) {
        raw.reset(inputs.size());
        Output out = inner.forward(manager, inputs, raw.asHook().then(hook));
        float[] sheet = raw.sheet(manager).toFloatArray();
        batches.add(sheet);
        recorded += inputs.size();
        return out;
    }

    @Override
    public List<Answer> generate(NDManager manager, List<ModelInput> inputs, int maxTokens, LayerHook hook) {
        throw new UnsupportedOperationException("a tapped backbone only records forward passes");
    }

    /** The hidden states recorded so far (one row per item, in forward order), as a bare backbone's sheet; clears the record. */
    SheetResponses take(List<SheetResponses.Row> rows) {
        if (rows.size() != recorded) throw new IllegalStateException("recorded " + recorded + " items, " + rows.size() + " rows given");
        SheetLayout l = layout;
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
