package org.topoomni.model;

import ai.djl.ndarray.NDManager;
import org.topoomni.sheet.LayerStack;
import org.topoomni.sheet.SheetLayout;

import java.util.ArrayList;
import java.util.List;

/**
 * What every multimodal backbone offers the rest of the program, and all it offers: its layer
 * sites (stacks of layers, each layer with its own width, for the sheet), a {@link Processor}
 * that turns stimuli and prompts into its own inputs, a forward pass with a hook at every site
 * that can read and replace the site's output, greedy generation with the same hooks, and the
 * answers as text. Nothing outside a backbone's own package knows its config, its tokenizer's
 * ids, its image size or its chat format.
 *
 * <p>A backbone is frozen: its own parameters take no gradients; only the cortical adaptors
 * that run in its hooks are trained. Each architecture lives in its own package under
 * {@code org.topoomni.backbones} and is opened by {@code registry.Backbones}.
 */
public interface Backbone extends AutoCloseable {

    /** The architecture's registry id, e.g. "tinyomni" or "qwen2_5_omni". */
    String architecture();

    /** The stacks in sheet order: the sensory stacks left to right, then the shared stack(s). */
    List<LayerStack> stacks();

    /** Every layer of every stack, in {@link #stacks()} order: where hooks are called. */
    default List<LayerSite> sites() {
        List<LayerSite> out = new ArrayList<>();
        for (LayerStack s : stacks()) for (int l = 0; l < s.layers(); l++) out.add(new LayerSite(s.name(), l));
        return out;
    }

    /** Its cortical sheet ({@link SheetLayout#of}): sensory stacks side by side at the top, the shared stack below. */
    default SheetLayout sheet() {
        return SheetLayout.of(stacks());
    }

    /** Turns stimuli and prompts into this backbone's inputs. */
    Processor processor();

    /**
     * A forward pass over a batch of inputs (made by {@link #processor()}), calling {@code hook}
     * after every layer of every stack. Arrays are created in {@code manager}.
     */
    Output forward(NDManager manager, List<ModelInput> inputs, LayerHook hook);

    /** Greedy answers, at most {@code maxTokens} tokens each, with {@code hook} applied at every layer. */
    List<Answer> generate(NDManager manager, List<ModelInput> inputs, int maxTokens, LayerHook hook);

    /**
     * Inputs per forward or generation pass when a caller runs many (the perturbation's probe,
     * response recording): a pass keeps every intermediate array until it ends, so this bounds
     * its memory. Sized per architecture from measured peaks; a few GB on the CPU.
     */
    default int inferenceBatch() {
        return 64;
    }

    /** Number of scalar parameters (for logs and reports). */
    long parameterCount();

    @Override
    void close();
}
