package org.topoomni.stats;

import org.topoomni.testing.Golden;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topoomni.stats.WelchTTest.assertMessage;

class MoransITest {

    @Test
    void goldenLatticeMoransI() {
        JsonNode g = Golden.load("morans_i_lattice.json");
        double[] v = Golden.flat(g.get("values"));
        int rows = g.get("values").size(), cols = g.get("values").get(0).size();
        MoranResult r = MoransI.lattice(v, rows, cols, 99, 1);
        Golden.assertClose("lattice Moran's I", new double[]{g.get("I").asDouble()}, new double[]{r.i()});
        Golden.assertClose("lattice Moran's EI", new double[]{g.get("EI").asDouble()}, new double[]{r.expectedI()});
        assertEquals(r.i(), MoransI.lattice(v, rows, cols), 0.0);
    }

    @Test
    void rowStandardisedWeightsByBruteForce() {
        int rows = 5, cols = 7;
        SplittableRandom rng = new SplittableRandom(2);
        double[] x = new double[rows * cols];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
        double mean = 0;
        for (double v : x) mean += v / x.length;
        double num = 0, den = 0;
        for (int i = 0; i < x.length; i++) {
            int ri = i / cols, ci = i % cols, deg = 0;
            double lag = 0;
            for (int j = 0; j < x.length; j++) {
                int rj = j / cols, cj = j % cols;
                if (i != j && Math.abs(ri - rj) <= 1 && Math.abs(ci - cj) <= 1) {
                    deg++;
                    lag += x[j] - mean;
                }
            }
            num += (x[i] - mean) * lag / deg;
            den += (x[i] - mean) * (x[i] - mean);
        }
        assertEquals(num / den, MoransI.lattice(x, rows, cols), 1e-14);
    }

    @Test
    void smoothMapHasHigherMoransIThanAShuffledCopy() {
        int rows = 40, cols = 50;
        double[] noise = noise(rows * cols, 3);
        double[] smooth = GaussianSmoothing.smooth(noise, rows, cols, 6);
        double[] shuffled = smooth.clone();
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        double iSmooth = MoransI.lattice(smooth, rows, cols), iShuffled = MoransI.lattice(shuffled, rows, cols);
        assertTrue(iSmooth > 0.8, "smooth map I = " + iSmooth);
        assertTrue(Math.abs(iShuffled) < 0.1, "shuffled map I = " + iShuffled);
    }

    @Test
    void strongClusteringGetsTheSmallestPossiblePSim() {
        int rows = 12, cols = 12;
        double[] gradient = new double[rows * cols];
        for (int i = 0; i < gradient.length; i++) gradient[i] = i / cols + 0.5 * (i % cols);
        MoranResult r = MoransI.lattice(gradient, rows, cols, 999, 7);
        assertEquals(1.0 / 1000, r.pSim(), 0.0);
        assertTrue(r.zSim() > 10, "z_sim " + r.zSim());
        // alternating row stripes: 6 of 8 queen neighbours differ, I about -0.5; the lower tail is just as extreme
        double[] stripes = new double[rows * cols];
        for (int i = 0; i < stripes.length; i++) stripes[i] = (i / cols) % 2 == 0 ? 1 : -1;
        MoranResult c = MoransI.lattice(stripes, rows, cols, 999, 7);
        assertTrue(c.i() < -0.4, "stripes I = " + c.i());
        assertEquals(1.0 / 1000, c.pSim(), 0.0);
    }

    @Test
    void randomMapsGiveRoughlyUniformPSim() {
        int rows = 10, cols = 10, maps = 40, small = 0;
        double meanP = 0, meanSim = 0;
        for (int m = 0; m < maps; m++) {
            MoranResult r = MoransI.lattice(noise(rows * cols, 100 + m), rows, cols, 199, m);
            if (r.pSim() < 0.05) small++;
            meanP += r.pSim() / maps;
            meanSim += r.meanSim() / maps;
        }
        // p_sim is one-sided on the observed side of E[I]: uniform on (0, 0.5] in expectation
        assertTrue(small <= 8, small + " of " + maps + " random maps had p_sim < 0.05");
        assertTrue(meanP > 0.15 && meanP < 0.4, "mean p_sim " + meanP);
        assertEquals(-1.0 / 99, meanSim, 0.01);
    }

    @Test
    void permutationsAreDeterministicGivenTheSeed() {
        double[] x = noise(30 * 30, 9);
        MoranResult a = MoransI.lattice(x, 30, 30, 999, 42), b = MoransI.lattice(x, 30, 30, 999, 42);
        assertEquals(a, b);
        MoranResult c = MoransI.lattice(x, 30, 30, 999, 43);
        assertEquals(a.i(), c.i(), 0.0);
        assertTrue(a.meanSim() != c.meanSim());
    }

    @Test
    void subsetWeightsIgnoreNeighboursOutsideTheSet() {
        // an L of cells on a 3x3 grid: only neighbours inside the L count
        int[] cells = {0, 3, 6, 7, 8};
        QueenWeights w = QueenWeights.ofCells(cells, 3, 3);
        assertEquals(1, w.degree(0));   // 0 ~ 3 only (4 is outside)
        assertEquals(3, w.degree(1));   // 3 ~ 0, 6, 7
        assertEquals(5, w.s0());
        double[] grid = {1, 100, 100, 2, 100, 100, 3, 5, 4};
        // z over the L: values 1, 2, 3, 5, 4, mean 3
        double[] z = {-2, -1, 0, 2, 1};
        double num = z[0] * z[1] + z[1] * (z[0] + z[2] + z[3]) / 3 + z[2] * (z[1] + z[3]) / 2 + z[3] * (z[1] + z[2] + z[4]) / 3 + z[4] * z[3];
        assertEquals(num / 10, MoransI.statistic(grid, w), 1e-15);
        assertEquals(num / 10, MoransI.ofCells(grid, 3, 3, cells, 0, 1).i(), 1e-15);
        assertEquals(MoransI.lattice(grid, 3, 3), MoransI.statistic(grid, QueenWeights.ofCells(Checks.range(0, 9), 3, 3)), 1e-15);
    }

    @Test
    void constantValuesGiveNaN() {
        double[] c = new double[16];
        java.util.Arrays.fill(c, 0.1);
        assertTrue(Double.isNaN(MoransI.lattice(c, 4, 4)));
        MoranResult r = MoransI.lattice(c, 4, 4, 99, 1);
        assertTrue(Double.isNaN(r.i()) && Double.isNaN(r.pSim()));
    }

    @Test
    void badInput() {
        assertMessage("does not match the array length 10", () -> MoransI.lattice(new double[10], 3, 3));
        assertMessage("at least 2 cells", () -> MoransI.lattice(new double[1], 1, 1));
        assertMessage("permutations", () -> MoransI.lattice(new double[9], 3, 3, -1, 0));
        assertMessage("listed twice", () -> QueenWeights.ofCells(new int[]{1, 1}, 3, 3));
        assertMessage("outside the 3 x 3 grid", () -> QueenWeights.ofCells(new int[]{9}, 3, 3));
        assertMessage("does not match the array length 8", () -> MoransI.statistic(new double[8], QueenWeights.lattice(3, 3)));
    }

    static double[] noise(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rng.nextGaussian();
        return x;
    }
}
