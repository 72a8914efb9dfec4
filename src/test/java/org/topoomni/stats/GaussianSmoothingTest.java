package org.topoomni.stats;

import org.topoomni.testing.Golden;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topoomni.stats.WelchTTest.assertMessage;

class GaussianSmoothingTest {

    private static final JsonNode G = Golden.load("gaussian_smoothing.json");

    @Test
    void goldenScipyGaussianFilterAtFwhm248() {
        double[] grid = Golden.flat(G.get("grid"));
        int rows = G.get("grid").size(), cols = G.get("grid").get(0).size();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = G.get("smoothed_by_fwhm").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            double fwhm = Double.parseDouble(e.getKey());
            double[] expected = Golden.flat(e.getValue());
            Golden.assertClose("gaussian smoothing FWHM " + e.getKey(), expected, GaussianSmoothing.smooth(grid, rows, cols, fwhm));
            // the batched float path agrees to float precision
            float[] maps = new float[2 * grid.length];
            for (int i = 0; i < grid.length; i++) {
                maps[i] = (float) grid[i];
                maps[grid.length + i] = (float) -grid[i];
            }
            GaussianSmoothing.smoothInPlace(maps, 2, rows, cols, fwhm);
            double worstFloat = 0;
            for (int i = 0; i < grid.length; i++) worstFloat = Math.max(worstFloat, Golden.error(maps[i], expected[i]));
            System.out.printf("golden %-40s worst scaled error %.3e%n", "float smoothing FWHM " + e.getKey(), worstFloat);
            for (int i = 0; i < grid.length; i++) {
                assertEquals(expected[i], maps[i], 1e-5 * Math.max(1, Math.abs(expected[i])));
                assertEquals(-expected[i], maps[grid.length + i], 1e-5 * Math.max(1, Math.abs(expected[i])));
            }
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    void kernelFollowsScipy() {
        double sigma = GaussianSmoothing.sigmaForFwhm(4);
        assertEquals(4 / Math.sqrt(8 * Math.log(2)), sigma, 1e-15);
        assertEquals(5, GaussianSmoothing.radius(sigma, 3.0));          // int(3 * 1.699 + 0.5)
        double[] w = GaussianSmoothing.kernel(sigma, 3.0);
        assertEquals(11, w.length);
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            assertEquals(w[i], w[w.length - 1 - i], 0.0);
        }
        assertEquals(1.0, sum, 1e-15);
        assertEquals(Math.exp(-0.5 / (sigma * sigma)), w[6] / w[5], 1e-15);
    }

    @Test
    void constantGridStaysConstant() {
        double[] grid = new double[17 * 9];
        java.util.Arrays.fill(grid, 3.25);
        for (double v : GaussianSmoothing.smooth(grid, 17, 9, 8)) assertEquals(3.25, v, 1e-14);
        float[] maps = new float[3 * 17 * 9];
        java.util.Arrays.fill(maps, -1.5f);
        GaussianSmoothing.smoothInPlace(maps, 3, 17, 9, 4);
        for (float v : maps) assertEquals(-1.5f, v, 1e-6f);
    }

    @Test
    void interiorMeanIsPreservedAndVarianceShrinks() {
        // a large random grid whose margins are zero: nothing leaks over the edges, so the sum is kept exactly
        int rows = 200, cols = 300, margin = 20;
        SplittableRandom rng = new SplittableRandom(5);
        double[] grid = new double[rows * cols];
        for (int r = margin; r < rows - margin; r++) for (int c = margin; c < cols - margin; c++) grid[r * cols + c] = rng.nextGaussian() + 2;
        double[] s = GaussianSmoothing.smooth(grid, rows, cols, 4);   // large enough to run in parallel
        assertEquals(sum(grid), sum(s), 1e-9 * sum(grid));
        assertTrue(variance(s) < variance(grid));
    }

    @Test
    void batchedPathSmoothsEachMapIndependently() {
        int rows = 31, cols = 47, n = 9;
        SplittableRandom rng = new SplittableRandom(8);
        float[] maps = new float[n * rows * cols];
        for (int i = 0; i < maps.length; i++) maps[i] = (float) rng.nextGaussian();
        float[] copy = maps.clone();
        GaussianSmoothing.smoothInPlace(maps, n, rows, cols, 4);
        for (int m = 0; m < n; m++) {
            double[] one = new double[rows * cols];
            for (int i = 0; i < one.length; i++) one[i] = copy[m * one.length + i];
            double[] expected = GaussianSmoothing.smooth(one, rows, cols, 4);
            for (int i = 0; i < one.length; i++) assertEquals(expected[i], maps[m * one.length + i], 1e-6, "map " + m + " cell " + i);
        }
    }

    @Test
    void tinyKernelsAgreeBetweenTheTwoPaths() {
        // FWHM 0.2: radius 0 (identity); FWHM 0.5: radius 1; FWHM 12: radius 15 (all tap groupings)
        int rows = 9, cols = 40;
        double[] grid = MoransITest.noise(rows * cols, 6);
        for (double fwhm : new double[]{0.2, 0.5, 12}) {
            double[] expected = GaussianSmoothing.smooth(grid, rows, cols, fwhm);
            float[] maps = new float[grid.length];
            for (int i = 0; i < grid.length; i++) maps[i] = (float) grid[i];
            GaussianSmoothing.smoothInPlace(maps, 1, rows, cols, fwhm);
            for (int i = 0; i < grid.length; i++) assertEquals(expected[i], maps[i], 1e-6, "FWHM " + fwhm + " cell " + i);
        }
        assertArrayEquals(grid, GaussianSmoothing.smooth(grid, rows, cols, 0.2), 0.0);
    }

    @Test
    void impulseSpreadsSeparably() {
        double[] grid = new double[11 * 11];
        grid[5 * 11 + 5] = 1;
        double[] s = GaussianSmoothing.smooth(grid, 11, 11, 2);
        double[] w = GaussianSmoothing.kernel(GaussianSmoothing.sigmaForFwhm(2), 3);
        int r = w.length / 2;
        for (int dr = -r; dr <= r; dr++) for (int dc = -r; dc <= r; dc++) {
            assertEquals(w[dr + r] * w[dc + r], s[(5 + dr) * 11 + 5 + dc], 1e-16);
        }
    }

    @Test
    void badInput() {
        assertMessage("FWHM", () -> GaussianSmoothing.smooth(new double[4], 2, 2, 0));
        assertMessage("FWHM", () -> GaussianSmoothing.smooth(new double[4], 2, 2, -3));
        assertMessage("FWHM", () -> GaussianSmoothing.smoothInPlace(new float[4], 1, 2, 2, Double.NaN));
        assertMessage("does not match the array length 5", () -> GaussianSmoothing.smooth(new double[5], 2, 2, 4));
        assertMessage("does not match the array length 7", () -> GaussianSmoothing.smoothInPlace(new float[7], 2, 2, 2, 4));
        assertMessage("positive rows and cols", () -> GaussianSmoothing.smooth(new double[0], 0, 3, 4));
        assertMessage("truncate", () -> GaussianSmoothing.smoothSigma(new double[4], 2, 2, 1, 0));
        assertMessage("sigma", () -> GaussianSmoothing.kernel(0, 3));
        assertArrayEquals(new double[]{1}, GaussianSmoothing.smoothSigma(new double[]{1}, 1, 1, 1, 3), 1e-15);
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }

    private static double variance(double[] a) {
        double m = sum(a) / a.length, s = 0;
        for (double v : a) s += (v - m) * (v - m);
        return s / a.length;
    }
}
