package org.topoomni.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.Stack;

import java.util.List;

/**
 * What every multimodal backbone offers the rest of the program: its stacks (for the sheet), a
 * forward pass from stimuli and prompt to next-token logits, and a hook at every layer of every
 * stack that can read and replace the layer's output. TinyOmni implements it; Qwen2.5-Omni's
 * Thinker can be added behind the same interface.
 */
public interface Backbone extends AutoCloseable {

    /** The stacks in sheet order: sensory stacks first (left to right), the language stack last. */
    List<Stack> stacks();

    /** Its cortical sheet: sensory stacks side by side at the top, the language stack below. */
    default SheetLayout sheet() {
        List<Stack> s = stacks();
        return SheetLayout.auto(s.subList(0, s.size() - 1), s.get(s.size() - 1));
    }

    OmniConfig config();

    Tokenizer tokenizer();

    /** Parameters (frozen or trained, as the caller decides). */
    Weights weights();

    /**
     * Next-token logits (batch, length, vocabulary) for a batch, calling {@code hook} after every
     * layer of every stack. Arrays are created in {@code manager}.
     */
    NDArray forward(NDManager manager, Batch batch, LayerHook hook);

    /**
     * Greedy answers to chat examples (their answers are ignored), at most {@code maxTokens}
     * tokens each, with {@code hook} applied at every layer.
     */
    List<int[]> generate(NDManager manager, List<Example> examples, int maxTokens, LayerHook hook);

    @Override
    void close();
}
