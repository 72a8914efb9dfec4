package org.topoomni.sheet;

/**
 * Where one stack lies on the sheet: a rectangle starting at (top, left), {@code cols} wide,
 * holding the stack's units row-major, layer 0 first. A layer as wide as a whole number of rows
 * is a band of whole rows; a narrower or odd-sized layer starts where the previous one ended,
 * possibly mid-row, so the rectangle has no holes (every cell holds exactly one unit).
 */
public record Band(LayerStack stack, int top, int left, int cols) {
    public Band {
        if (cols <= 0) throw new IllegalArgumentException("stack '" + stack.name() + "' needs a positive column span, got " + cols);
        if (stack.units() % cols != 0) {
            throw new IllegalArgumentException("stack '" + stack.name() + "' does not fit the grid: its " + stack.units()
                    + " units do not fill whole rows of " + cols + " columns");
        }
    }

    public int rows() {
        return stack.units() / cols;
    }

    public int bottom() {
        return top + rows();
    }

    public int right() {
        return left + cols;
    }

    public boolean contains(int row, int col) {
        return row >= top && row < bottom() && col >= left && col < right();
    }

    /** First row a layer touches. */
    public int layerTop(int layer) {
        return top + stack.offset(layer) / cols;
    }

    /** One past the last row a layer touches. */
    public int layerBottom(int layer) {
        return top + (stack.offset(layer) + stack.width(layer) + cols - 1) / cols;
    }

    /** Whether every layer fills whole rows of this band (then each layer is a band of {@link #rowsPerLayer} rows or of its own whole rows). */
    public boolean wholeRowLayers() {
        for (int l = 0; l < stack.layers(); l++) if (stack.width(l) % cols != 0) return false;
        return true;
    }

    /** Rows per layer for a uniform stack of whole-row layers; for any other stack the mean (rows / layers). */
    public double rowsPerLayer() {
        return rows() / (double) stack.layers();
    }

    /** The layer of a cell of this band. */
    public int layerAt(int row, int col) {
        return stack.layerOf((row - top) * cols + (col - left));
    }
}
