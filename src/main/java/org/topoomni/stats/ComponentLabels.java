package org.topoomni.stats;

/**
 * Connected components of a mask on a grid, as {@code scipy.ndimage.label} returns them:
 * {@code labels[cell]} is 0 for background and 1..count for the components, numbered in the
 * order of their first cell in a row-major scan.
 *
 * @param labels  per-cell label, row-major, 0 = background
 * @param count   number of components
 * @param rows    grid rows
 * @param cols    grid columns
 * @param offsets {@code count + 1} offsets into {@code cells}: component L owns
 *                {@code cells[offsets[L-1] .. offsets[L])}
 * @param cells   cell indices grouped by component, row-major within each component
 */
public record ComponentLabels(int[] labels, int count, int rows, int cols, int[] offsets, int[] cells) {

    /** Number of cells of component {@code label} (1-based, as in scipy). */
    public int size(int label) {
        check(label);
        return offsets[label] - offsets[label - 1];
    }

    /** All component sizes; {@code sizes()[L - 1]} is the size of component L. */
    public int[] sizes() {
        int[] s = new int[count];
        for (int i = 0; i < count; i++) s[i] = offsets[i + 1] - offsets[i];
        return s;
    }

    /** The cells (row-major indices, ascending) of component {@code label} (1-based). */
    public int[] cells(int label) {
        check(label);
        return java.util.Arrays.copyOfRange(cells, offsets[label - 1], offsets[label]);
    }

    private void check(int label) {
        if (label < 1 || label > count) throw new IllegalArgumentException("component label " + label + " is outside 1.." + count);
    }
}
