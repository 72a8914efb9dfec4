package org.topoomni.backbones.pretrained;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.model.Backbone;
import org.topoomni.model.BackboneFactory;
import org.topoomni.model.BasePretraining;
import org.topoomni.sheet.LayerStack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Opens pretrained-omni model folders ({@link PretrainedOmniCheckpoint}) for the registry, and builds them ({@link PretrainedOmniPretraining}). */
public final class PretrainedOmniFactory implements BackboneFactory {

    @Override
    public String id() {
        return PretrainedOmni.ARCHITECTURE;
    }

    @Override
    public String description() {
        return "the embedded default: pretrained MobileNetV3 and MiniLM towers with an audio encoder and a thinker trained here "
                + "(config.json \"architecture\": \"" + PretrainedOmni.ARCHITECTURE + "\"; made by ./topo-omni pretrain)";
    }

    /** A config naming the architecture, or (a sizes file for {@code pretrain --config}) one naming none that holds its own keys. */
    @Override
    public boolean accepts(JsonNode config) {
        JsonNode arch = config.get("architecture");
        if (arch != null) return arch.asText().equals(PretrainedOmni.ARCHITECTURE);
        return !config.has("architectures") && !config.has("model_type") && config.has("vision_adapter") && config.has("thinker");
    }

    @Override
    public List<LayerStack> stacks(Path folder) throws IOException {
        return PretrainedOmniCheckpoint.stacks(folder);
    }

    @Override
    public Backbone open(NDManager manager, Path folder) throws IOException {
        return PretrainedOmniCheckpoint.load(manager, folder);
    }

    @Override
    public BasePretraining pretraining() {
        return new PretrainedOmniPretraining();
    }
}
