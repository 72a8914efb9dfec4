package org.topoomni.stats;

/**
 * Connected-component labelling of a boolean mask on a grid with queen (8-neighbour)
 * connectivity, equivalent to {@code scipy.ndimage.label(mask, structure=np.ones((3, 3)))}:
 * components are numbered 1, 2, ... in the order of their first cell in a row-major scan.
 * Iterative flood fill with an explicit queue (no recursion), O(rows * cols).
 */
public final class Components {

    private Components() {
    }

    /**
     * Labels the queen-connected components of {@code mask}.
     *
     * @param mask row-major rows x cols mask
     */
    public static ComponentLabels label(boolean[] mask, int rows, int cols) {
        if (mask == null) throw new IllegalArgumentException("mask is missing (null)");
        Checks.grid(mask.length, rows, cols, "component labelling");
        int n = mask.length;
        int[] labels = new int[n];
        int[] queue = new int[n];          // also the cells grouped by component, in BFS order
        int count = 0, tail = 0;
        int[] starts = new int[16];
        for (int start = 0; start < n; start++) {
            if (!mask[start] || labels[start] != 0) continue;
            int label = ++count;
            if (count >= starts.length) starts = java.util.Arrays.copyOf(starts, starts.length * 2);
            starts[count - 1] = tail;
            int head = tail;
            labels[start] = label;
            queue[tail++] = start;
            while (head < tail) {
                int cell = queue[head++];
                int r = cell / cols, c = cell - r * cols;
                int r0 = Math.max(0, r - 1), r1 = Math.min(rows - 1, r + 1);
                int c0 = Math.max(0, c - 1), c1 = Math.min(cols - 1, c + 1);
                for (int rr = r0; rr <= r1; rr++) {
                    int base = rr * cols;
                    for (int cc = c0; cc <= c1; cc++) {
                        int nb = base + cc;
                        if (mask[nb] && labels[nb] == 0) {
                            labels[nb] = label;
                            queue[tail++] = nb;
                        }
                    }
                }
            }
        }
        int[] offsets = new int[count + 1];
        System.arraycopy(starts, 0, offsets, 0, count);
        offsets[count] = tail;
        int[] cells = java.util.Arrays.copyOf(queue, tail);
        for (int i = 0; i < count; i++) java.util.Arrays.sort(cells, offsets[i], offsets[i + 1]);
        return new ComponentLabels(labels, count, rows, cols, offsets, cells);
    }
}
