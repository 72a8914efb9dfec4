package org.topoomni.backbones.qwen;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.model.Backbone;
import org.topoomni.model.BackboneFactory;
import org.topoomni.sheet.LayerStack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Opens Hugging Face Qwen2.5-Omni folders (the whole model or its thinker) for the registry. */
public final class QwenOmniFactory implements BackboneFactory {

    @Override
    public String id() {
        return QwenOmniBackbone.ARCHITECTURE;
    }

    @Override
    public String description() {
        return "Qwen2.5-Omni's Thinker from a Hugging Face folder (config.json \"architectures\": Qwen2_5OmniForConditionalGeneration"
                + " or Qwen2_5OmniThinkerForConditionalGeneration, or \"model_type\": qwen2_5_omni; safetensors weights, tokenizer.json)";
    }

    @Override
    public boolean accepts(JsonNode config) {
        return QwenConfig.accepts(config);
    }

    @Override
    public List<LayerStack> stacks(Path folder) throws IOException {
        return QwenOmniBackbone.stacksOf(QwenConfig.read(folder.resolve("config.json")));
    }

    @Override
    public Backbone open(NDManager manager, Path folder) throws IOException {
        return QwenOmniBackbone.open(manager, folder);
    }
}
