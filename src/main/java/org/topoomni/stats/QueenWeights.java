package org.topoomni.stats;

import java.util.Arrays;

/**
 * Queen-contiguity (8-neighbour) spatial weights among a set of grid cells, row-standardised
 * (libpysal {@code lat2W(rows, cols, rook=False)} or {@code Queen} with {@code w.transform = 'r'}):
 * w_ij = 1 / (number of neighbours of i inside the set) for each neighbour j of i inside the set.
 * Stored as compact neighbour lists (CSR) over local indices 0..n-1, built once and reused by
 * every permutation.
 *
 * @param rows       grid rows
 * @param cols       grid columns
 * @param cells      the grid cell (row-major index) of each local index
 * @param offsets    {@code n + 1} offsets: the neighbours of i are {@code neighbours[offsets[i] .. offsets[i+1])}
 * @param neighbours local indices of neighbours
 */
public record QueenWeights(int rows, int cols, int[] cells, int[] offsets, int[] neighbours) {

    /** Number of cells. */
    public int n() {
        return cells.length;
    }

    /** Number of neighbours of local index i. */
    public int degree(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** S0, the sum of all row-standardised weights: the number of cells that have a neighbour. */
    public int s0() {
        int s = 0;
        for (int i = 0; i < cells.length; i++) if (offsets[i + 1] > offsets[i]) s++;
        return s;
    }

    /** Weights of the full rows x cols lattice (local index = cell index). */
    public static QueenWeights lattice(int rows, int cols) {
        if (rows <= 0 || cols <= 0) throw new IllegalArgumentException("grid must have positive rows and cols, got " + rows + " x " + cols);
        int n = Math.multiplyExact(rows, cols);
        int[] cells = Checks.range(0, n);
        return build(rows, cols, cells, cells);
    }

    /**
     * Weights among the given cells only: neighbours outside the set are ignored (for a connected
     * component of a mask this is the same as "neighbours in the mask").
     *
     * @param cells distinct row-major cell indices
     */
    public static QueenWeights ofCells(int[] cells, int rows, int cols) {
        if (cells == null) throw new IllegalArgumentException("cells are missing (null)");
        if (rows <= 0 || cols <= 0) throw new IllegalArgumentException("grid must have positive rows and cols, got " + rows + " x " + cols);
        int[] local = new int[Math.multiplyExact(rows, cols)];
        Arrays.fill(local, -1);
        for (int i = 0; i < cells.length; i++) {
            int c = cells[i];
            if (c < 0 || c >= local.length) throw new IllegalArgumentException("cell " + c + " is outside the " + rows + " x " + cols + " grid");
            if (local[c] >= 0) throw new IllegalArgumentException("cell " + c + " is listed twice");
            local[c] = i;
        }
        return build(rows, cols, cells.clone(), local);
    }

    /**
     * Builds the neighbour lists; {@code local[cell]} is the local index of a grid cell in the set,
     * or negative (or another set's index, never reached from here) outside it.
     */
    static QueenWeights build(int rows, int cols, int[] cells, int[] local) {
        int n = cells.length;
        int[] offsets = new int[n + 1];
        int[] nb = new int[8 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int cell = cells[i];
            int r = cell / cols, c = cell - r * cols;
            for (int dr = -1; dr <= 1; dr++) {
                int rr = r + dr;
                if (rr < 0 || rr >= rows) continue;
                for (int dc = -1; dc <= 1; dc++) {
                    int cc = c + dc;
                    if ((dr == 0 && dc == 0) || cc < 0 || cc >= cols) continue;
                    int j = local[rr * cols + cc];
                    if (j >= 0 && j < n && cells[j] == rr * cols + cc) nb[k++] = j;
                }
            }
            offsets[i + 1] = k;
        }
        return new QueenWeights(rows, cols, cells, offsets, Arrays.copyOf(nb, k));
    }
}
