package org.topoomni.model;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.sheet.LayerStack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens the model folders of one architecture. Each backbone package has one; the registry
 * ({@code registry.Backbones}) asks each in turn whether it accepts a folder's
 * {@code config.json}.
 */
public interface BackboneFactory {

    /** The architecture's registry id, e.g. "tinyomni". */
    String id();

    /** One line for the list of supported architectures, e.g. how its config names it. */
    String description();

    /** Whether a folder's {@code config.json} names this architecture. */
    boolean accepts(JsonNode config);

    /** The stacks the folder's backbone has, from its config alone (no weights are read). */
    List<LayerStack> stacks(Path folder) throws IOException;

    /** Opens the folder's backbone, frozen; a missing or mis-shaped file is a clear error. */
    Backbone open(NDManager manager, Path folder) throws IOException;

    /** How this program builds a base model of this architecture itself, if it can (our own models); null for checkpoints a lab brings. */
    default BasePretraining pretraining() {
        return null;
    }
}
