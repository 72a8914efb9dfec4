package org.topoomni.sheet;

/**
 * Where one stack lies on the sheet: a rectangle starting at (top, left), {@code cols} wide,
 * holding the stack's layers one below the other, each layer a band of {@code rowsPerLayer} rows
 * with its channels in row-major order.
 */
public record Band(Stack stack, int top, int left, int cols, int rowsPerLayer) {

    public int rows() {
        return stack.layers() * rowsPerLayer;
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

    /** First row of a layer. */
    public int layerTop(int layer) {
        return top + layer * rowsPerLayer;
    }
}
