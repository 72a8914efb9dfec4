package org.topoomni.sheet;

/**
 * One stack of a backbone: a named sequence of layers of equal width (e.g. the vision encoder,
 * 32 layers of 1280 units). This is all the sheet needs to know about a network.
 */
public record Stack(String name, Modality modality, int layers, int width) {
    public Stack {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("stack name must not be empty");
        if (modality == null) throw new IllegalArgumentException("stack '" + name + "' has no modality");
        if (layers <= 0) throw new IllegalArgumentException("stack '" + name + "' must have at least one layer, got " + layers);
        if (width <= 0) throw new IllegalArgumentException("stack '" + name + "' must have a positive layer width, got " + width);
    }

    public int units() {
        return layers * width;
    }
}
