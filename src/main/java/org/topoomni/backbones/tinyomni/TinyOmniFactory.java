package org.topoomni.backbones.tinyomni;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.model.Backbone;
import org.topoomni.model.BackboneFactory;
import org.topoomni.model.BasePretraining;
import org.topoomni.sheet.LayerStack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens TinyOmni checkpoint folders ({@link Checkpoint}) for the registry. Their config names
 * {@code "architecture": "tinyomni"}; a config without any architecture name but with TinyOmni's
 * own keys (a checkpoint written before the name was recorded) is accepted too.
 */
public final class TinyOmniFactory implements BackboneFactory {

    @Override
    public String id() {
        return TinyOmni.ARCHITECTURE;
    }

    @Override
    public String description() {
        return "the project's own from-scratch model (config.json \"architecture\": \"tinyomni\"; made by ./topo-omni pretrain)";
    }

    @Override
    public boolean accepts(JsonNode config) {
        JsonNode arch = config.get("architecture");
        if (arch != null) return arch.asText().equals(TinyOmni.ARCHITECTURE);
        return !config.has("architectures") && !config.has("model_type")
                && config.has("image_size") && config.has("vision") && config.has("audio") && config.has("language");
    }

    @Override
    public List<LayerStack> stacks(Path folder) throws IOException {
        return TinyOmni.stacksOf(OmniConfig.read(folder.resolve(Checkpoint.CONFIG)));
    }

    @Override
    public Backbone open(NDManager manager, Path folder) throws IOException {
        return Checkpoint.load(manager, folder);
    }

    @Override
    public BasePretraining pretraining() {
        return new TinyOmniPretraining();
    }
}
