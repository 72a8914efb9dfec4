package org.topoomni.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.topoomni.stats.WelchTTest.assertMessage;

class ComponentsTest {

    private static boolean[] mask(String... rows) {
        int cols = rows[0].length();
        boolean[] m = new boolean[rows.length * cols];
        for (int r = 0; r < rows.length; r++) for (int c = 0; c < cols; c++) m[r * cols + c] = rows[r].charAt(c) == 'X';
        return m;
    }

    @Test
    void diagonalNeighboursConnectAndLabelsFollowTheFirstCellInRowMajorOrder() {
        ComponentLabels l = Components.label(mask(
                ".X..X",
                "X..X.",
                ".....",
                "XX..X"), 4, 5);
        assertEquals(4, l.count());
        assertArrayEquals(new int[]{
                0, 1, 0, 0, 2,
                1, 0, 0, 2, 0,
                0, 0, 0, 0, 0,
                3, 3, 0, 0, 4}, l.labels());
        assertArrayEquals(new int[]{2, 2, 2, 1}, l.sizes());
        assertArrayEquals(new int[]{1, 5}, l.cells(1));
        assertArrayEquals(new int[]{19}, l.cells(4));
        assertEquals(2, l.size(3));
    }

    @Test
    void branchesThatMeetLaterAreOneComponentNumberedByTheEarliestCell() {
        ComponentLabels l = Components.label(mask(
                "...X.X",
                "X..X.X",
                "X..XXX",
                "XXX...",
                "......",
                "....XX"), 6, 6);
        // the right-hand U starts at cell 3, the left-hand L at cell 6; they touch diagonally at (3,2)-(2,3)
        assertEquals(2, l.count());
        assertEquals(1, l.labels()[3]);
        assertEquals(1, l.labels()[6]);
        assertEquals(12, l.size(1));
        assertEquals(2, l.labels()[34]);
        assertArrayEquals(new int[]{34, 35}, l.cells(2));
    }

    @Test
    void hugeComponentNeedsNoRecursion() {
        int rows = 400, cols = 400;
        boolean[] m = new boolean[rows * cols];
        // a serpentine path of ~80,000 cells: a recursive flood fill would overflow the stack
        for (int r = 0; r < rows; r += 2) {
            for (int c = 0; c < cols; c++) m[r * cols + c] = true;
            if (r + 1 < rows) m[(r + 1) * cols + ((r / 2) % 2 == 0 ? cols - 1 : 0)] = true;
        }
        ComponentLabels l = Components.label(m, rows, cols);
        assertEquals(1, l.count());
        assertEquals(200 * 400 + 200, l.size(1));
    }

    @Test
    void emptyAndFullMasks() {
        assertEquals(0, Components.label(new boolean[12], 3, 4).count());
        boolean[] full = new boolean[12];
        java.util.Arrays.fill(full, true);
        ComponentLabels l = Components.label(full, 3, 4);
        assertEquals(1, l.count());
        assertEquals(12, l.size(1));
    }

    @Test
    void badInput() {
        assertMessage("does not match the array length 12", () -> Components.label(new boolean[12], 5, 3));
        assertMessage("positive rows and cols", () -> Components.label(new boolean[0], 0, 0));
        assertMessage("missing", () -> Components.label(null, 1, 1));
        ComponentLabels l = Components.label(new boolean[]{true, false}, 1, 2);
        assertMessage("outside 1..1", () -> l.size(2));
        assertMessage("outside 1..1", () -> l.cells(0));
    }
}
