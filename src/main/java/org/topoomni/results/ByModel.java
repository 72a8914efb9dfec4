package org.topoomni.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One result of each model a demo compares: the topographic model and its control (the same
 * training without the spatial loss). Either may be null where that stage was not run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ByModel<T>(@JsonProperty("topo") T topo, @JsonProperty("control") T control) {

    /** The models' names, as the demo's folders are named. */
    public static final List<String> MODELS = List.of("topo", "control");

    /** The result of "topo" or "control". */
    public T get(String model) {
        return switch (model) {
            case "topo" -> topo;
            case "control" -> control;
            default -> throw new IllegalArgumentException("no model '" + model + "'; the demo's models are " + MODELS);
        };
    }
}
