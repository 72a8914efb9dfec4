package org.topoomni.backbones.qwen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.topoomni.model.Answer;
import org.topoomni.model.Backbone;
import org.topoomni.model.LayerHook;
import org.topoomni.model.ModelInput;
import org.topoomni.model.Output;
import org.topoomni.model.Processor;
import org.topoomni.sheet.LayerStack;
import org.topoomni.sheet.Modality;
import org.topoomni.sheet.Placement;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Qwen2.5-Omni's Thinker as a {@link Backbone}, loaded from a Hugging Face folder
 * ({@code config.json}, safetensors weights, {@code tokenizer.json}, optionally
 * {@code preprocessor_config.json}), on the device of the manager it is opened with.
 *
 * <p>Stacks and what their hooks see after every layer:
 * <ul>
 * <li>{@code vision} (VISION, SENSORY, depth x hidden): (images, patches, hidden), patches in the
 * image processor's row order (merged 2 x 2 blocks in raster order, the four patches of a block in
 * raster order); images of different sizes are padded, {@code valid} marks the real patches;</li>
 * <li>{@code audio} (AUDIO, SENSORY, layers x d_model): (clips, positions, d_model), a clip's
 * positions after the convolutions in time order (about 50 per second), padded to the longest clip;</li>
 * <li>{@code language} (LANGUAGE, SHARED, layers x hidden): (inputs, tokens, hidden), padded on the
 * right; {@code valid} marks the prompt up to and including the assistant header (a plain text:
 * all its tokens); generated tokens are hooked one at a time with {@code valid} 0.</li>
 * </ul>
 */
public final class QwenOmniBackbone implements Backbone {
    public static final String ARCHITECTURE = "qwen2_5_omni";

    private final QwenThinker thinker;
    private final QwenProcessor processor;
    private final QwenOmniProcessor front;

    private QwenOmniBackbone(QwenThinker thinker, QwenProcessor processor) {
        this.thinker = thinker;
        this.processor = processor;
        this.front = new QwenOmniProcessor(processor);
    }

    /** Opens a model folder; the chat's system prompt is Qwen2.5-Omni's own ({@link ChatTemplate#QWEN_SYSTEM}). */
    public static QwenOmniBackbone open(NDManager manager, Path folder) throws IOException {
        return open(manager, folder, ChatTemplate.QWEN_SYSTEM);
    }

    /** Opens a model folder with another system prompt (null: no system turn). */
    public static QwenOmniBackbone open(NDManager manager, Path folder, String systemPrompt) throws IOException {
        QwenConfig cfg = QwenConfig.read(folder.resolve("config.json"));
        QwenProcessor p = QwenProcessor.open(manager, folder, cfg, systemPrompt);
        try {
            return new QwenOmniBackbone(new QwenThinker(manager, cfg, QwenWeights.load(manager, folder, cfg)), p);
        } catch (IOException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /** The stacks of a config, in sheet order. */
    public static List<LayerStack> stacksOf(QwenConfig c) {
        return List.of(LayerStack.uniform(VisionEncoder.STACK, Modality.VISION, Placement.SENSORY, c.vision().depth(), c.vision().hidden()),
                LayerStack.uniform(AudioEncoder.STACK, Modality.AUDIO, Placement.SENSORY, c.audio().layers(), c.audio().dModel()),
                LayerStack.uniform(TextDecoder.STACK, Modality.LANGUAGE, Placement.SHARED, c.text().layers(), c.text().hidden()));
    }

    @Override
    public String architecture() {
        return ARCHITECTURE;
    }

    @Override
    public List<LayerStack> stacks() {
        return stacksOf(thinker.cfg);
    }

    @Override
    public Processor processor() {
        return front;
    }

    private static List<QwenThinker.Input> rows(List<ModelInput> inputs) {
        if (inputs.isEmpty()) throw new IllegalArgumentException("a batch needs at least one input");
        List<QwenThinker.Input> rows = new ArrayList<>(inputs.size());
        for (ModelInput in : inputs) rows.add(QwenInput.of(in).row());
        return rows;
    }

    @Override
    public Output forward(NDManager manager, List<ModelInput> inputs, LayerHook hook) {
        List<QwenThinker.Input> rows = rows(inputs);
        NDArray logits = thinker.forward(manager, rows, hook).logits();
        return new Output() {
            @Override
            public NDArray logits() {
                return logits;
            }

            @Override
            public NDArray answerLoss() {
                boolean any = false;
                for (QwenThinker.Input r : rows) any |= r.lossFrom() < r.ids().length;
                if (!any) throw new IllegalStateException("no input of the batch has a token to learn (give answers with processor().withAnswer)");
                return QwenThinker.answerLoss(logits.getManager(), logits, rows);
            }
        };
    }

    @Override
    public List<Answer> generate(NDManager manager, List<ModelInput> inputs, int maxTokens, LayerHook hook) {
        int[][] ids = thinker.generate(manager, rows(inputs), maxTokens, hook, null);
        List<Answer> out = new ArrayList<>(ids.length);
        for (int[] a : ids) out.add(new Answer(processor.tokenizer.decode(a).strip(), a));
        return out;
    }

    /**
     * A 3B-parameter model with hundreds of tokens per image: few inputs per pass. Not measured
     * on the 3B checkpoint (no GPU here); a lab sets {@code perturb --batch} for its memory.
     */
    @Override
    public int inferenceBatch() { return 4; }

    @Override
    public long parameterCount() {
        return thinker.parameterCount();
    }

    @Override
    public void close() {
        thinker.close();
        processor.close();
    }
}
