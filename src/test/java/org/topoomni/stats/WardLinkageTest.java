package org.topoomni.stats;

import org.topoomni.testing.Golden;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topoomni.stats.WelchTTest.assertMessage;

class WardLinkageTest {

    @Test
    void goldenScipyWardLinkage() {
        JsonNode g = Golden.load("ward_linkage.json");
        double[][] z = WardLinkage.linkage(Golden.matrix(g.get("X")));
        double[][] expected = Golden.matrix(g.get("linkage"));
        assertEquals(expected.length, z.length);
        double[] dExp = new double[z.length], dAct = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            assertEquals(expected[i][0], z[i][0], 0.0, "row " + i + " a");
            assertEquals(expected[i][1], z[i][1], 0.0, "row " + i + " b");
            assertEquals(expected[i][3], z[i][3], 0.0, "row " + i + " size");
            dExp[i] = expected[i][2];
            dAct[i] = z[i][2];
        }
        Golden.assertClose("ward linkage distances", dExp, dAct);
    }

    /** Inputs full of ties; expected rows from scipy 1.17.1 {@code linkage(X, 'ward')}. */
    @Test
    void tiesAreBrokenAsScipyBreaksThem() {
        assertLinkage(new double[][]{{0}, {1}, {2}, {3}, {10}, {11}}, new double[][]{
                {0, 1, 1.0, 2}, {2, 3, 1.0, 2}, {4, 5, 1.0, 2}, {6, 7, 2.8284271247461903, 4}, {8, 9, 14.696938456699067, 6}});
        double[][] grid = new double[9][];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) grid[i * 3 + j] = new double[]{i, j};
        assertLinkage(grid, new double[][]{
                {0, 1, 1.0, 2}, {3, 4, 1.0, 2}, {6, 7, 1.0, 2}, {2, 5, 1.0, 2}, {9, 10, 1.4142135623730951, 4},
                {8, 12, 1.7320508075688772, 3}, {11, 13, 2.4494897427831783, 6}, {14, 15, 3.0, 9}});
        assertLinkage(new double[][]{{0, 0}, {0, 0}, {1, 1}, {1, 1}, {5, 5}}, new double[][]{
                {0, 1, 0.0, 2}, {2, 3, 0.0, 2}, {5, 6, 1.9999999999999998, 4}, {4, 7, 8.049844718999244, 5}});
    }

    @Test
    void wardDistanceIsTheCentroidFormulaAndTheTreeIsValid() {
        int n = 300, d = 16;
        SplittableRandom rng = new SplittableRandom(12);
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) for (int k = 0; k < d; k++) x[i][k] = rng.nextGaussian() + (i % 3) * 2;
        double[][] z = WardLinkage.linkage(x);
        assertEquals(n - 1, z.length);
        double[][] centroid = new double[2 * n - 1][];
        int[] size = new int[2 * n - 1];
        boolean[] used = new boolean[2 * n - 1];
        for (int i = 0; i < n; i++) {
            centroid[i] = x[i];
            size[i] = 1;
        }
        for (int k = 0; k < n - 1; k++) {
            int a = (int) z[k][0], b = (int) z[k][1];
            assertTrue(a < b && b < n + k, "row " + k);
            assertTrue(!used[a] && !used[b], "a cluster merged twice at row " + k);
            used[a] = used[b] = true;
            if (k > 0) assertTrue(z[k][2] >= z[k - 1][2], "ward distances are monotone");
            int id = n + k;
            size[id] = size[a] + size[b];
            assertEquals(size[id], z[k][3], 0.0);
            centroid[id] = new double[d];
            double dist2 = 0;
            for (int j = 0; j < d; j++) {
                centroid[id][j] = (size[a] * centroid[a][j] + size[b] * centroid[b][j]) / size[id];
                dist2 += (centroid[a][j] - centroid[b][j]) * (centroid[a][j] - centroid[b][j]);
            }
            double ward = Math.sqrt(2.0 * size[a] * size[b] / size[id] * dist2);
            assertEquals(ward, z[k][2], 1e-9 * ward);
        }
        assertEquals(n, z[n - 2][3], 0.0);
    }

    @Test
    void flatAndCondensedEntryPointsAgree() {
        double[][] x = {{0, 1}, {2, 2}, {5, 1}, {4, 4}, {0, 0}};
        double[] flat = Checks.flatten(x);
        double[][] a = WardLinkage.linkage(x), b = WardLinkage.linkage(flat, 5, 2);
        double[][] c = WardLinkage.linkageFromDistances(WardLinkage.pdist(flat, 5, 2), 5);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
            assertArrayEquals(a[i], c[i], 0.0);
        }
        assertEquals(Math.sqrt(5), WardLinkage.pdist(flat, 5, 2)[0], 1e-15);
        assertArrayEquals(new double[]{0, 1, 3, 2}, WardLinkage.linkage(new double[][]{{0}, {3}})[0], 1e-15);
    }

    @Test
    void badInput() {
        assertMessage("at least 2 observations", () -> WardLinkage.linkage(new double[][]{{1, 2}}));
        assertMessage("observation 1 has 1 features", () -> WardLinkage.linkage(new double[][]{{1, 2}, {3}}));
        assertMessage("non-finite", () -> WardLinkage.linkage(new double[][]{{1, 2}, {3, Double.NaN}}));
        assertMessage("does not match the array length", () -> WardLinkage.linkage(new double[5], 2, 2));
        assertMessage("n(n-1)/2 = 3", () -> WardLinkage.linkageFromDistances(new double[2], 3));
    }

    private static void assertLinkage(double[][] x, double[][] expected) {
        double[][] z = WardLinkage.linkage(x);
        assertEquals(expected.length, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(expected[i][0], z[i][0], 0.0, "row " + i);
            assertEquals(expected[i][1], z[i][1], 0.0, "row " + i);
            assertEquals(expected[i][2], z[i][2], 1e-12, "row " + i);
            assertEquals(expected[i][3], z[i][3], 0.0, "row " + i);
        }
    }
}
