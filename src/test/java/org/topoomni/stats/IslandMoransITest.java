package org.topoomni.stats;

import org.topoomni.testing.Golden;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topoomni.stats.WelchTTest.assertMessage;

class IslandMoransITest {

    @Test
    void goldenIslandMoransI() {
        JsonNode g = Golden.load("island_morans_i.json");
        double[] t = Golden.flat(g.get("t_map"));
        int rows = g.get("t_map").size(), cols = g.get("t_map").get(0).size();
        double threshold = g.get("threshold").asDouble();
        boolean[] significant = new boolean[t.length];
        for (int i = 0; i < t.length; i++) significant[i] = t[i] > threshold;

        IslandResult r = IslandMoransI.compute(t, significant, rows, cols, 8, 199, 3);
        JsonNode comps = g.get("components");
        assertEquals(g.get("n_components").asInt(), r.nComponents());
        assertEquals(comps.size(), r.components().size());
        int kept = 0;
        for (int k = 0; k < comps.size(); k++) {
            JsonNode e = comps.get(k);
            IslandResult.Island isl = r.components().get(k);
            assertEquals(k + 1, isl.label());
            assertEquals(e.get("size").asInt(), isl.size(), "component " + k + " size");
            assertEquals(e.get("skipped").asBoolean(), isl.skipped(), "component " + k + " skipped");
            if (!isl.skipped()) {
                kept++;
                Golden.assertClose("island " + (k + 1) + " Moran's I", new double[]{e.get("I").asDouble()}, new double[]{isl.moranI()});
                assertTrue(isl.pSim() > 0 && isl.pSim() <= 1);
            } else {
                assertTrue(Double.isNaN(isl.moranI()) && Double.isNaN(isl.pSim()));
            }
        }
        assertEquals(kept, r.nIslands());
        assertEquals(kept, r.islands().size());
        Golden.assertClose("island mean I", new double[]{g.get("mean_I").asDouble()}, new double[]{r.meanI()});
    }

    @Test
    void plantedSmoothPatchesAreSignificantIslands() {
        int rows = 60, cols = 80;
        double[] t = MoransITest.noise(rows * cols, 21);
        for (int i = 0; i < t.length; i++) t[i] *= 0.3;
        // three Gaussian bumps and one 3-cell speck
        int[][] centres = {{15, 15}, {40, 30}, {20, 60}};
        for (int[] c : centres) {
            for (int r = 0; r < rows; r++) for (int q = 0; q < cols; q++) {
                double d2 = (r - c[0]) * (r - c[0]) + (q - c[1]) * (q - c[1]);
                t[r * cols + q] += 8 * Math.exp(-d2 / (2 * 3.0 * 3.0));
            }
        }
        t[55 * cols + 5] = t[55 * cols + 6] = t[56 * cols + 6] = 9;
        boolean[] sig = new boolean[t.length];
        for (int i = 0; i < t.length; i++) sig[i] = t[i] > 3;

        IslandResult r = IslandMoransI.compute(t, sig, rows, cols, 42);
        assertEquals(4, r.nComponents());
        assertEquals(3, r.nIslands());
        assertEquals(3, r.nSignificantIslands());
        assertEquals(IslandMoransI.DEFAULT_PERMUTATIONS, r.permutations());
        List<IslandResult.Island> islands = r.islands();
        for (int k = 0; k < 3; k++) {
            IslandResult.Island isl = islands.get(k);
            assertTrue(isl.moranI() > 0.5, "island " + k + " I = " + isl.moranI());
            assertEquals(1.0 / 1000, isl.pSim(), 0.0);
        }
        // islands come in row-major order of their first cell: (15,15), (20,60), (40,30)
        assertEquals(15, islands.get(0).centroidRow(), 0.5);
        assertEquals(15, islands.get(0).centroidCol(), 0.5);
        assertEquals(60, islands.get(1).centroidCol(), 0.5);
        assertEquals(40, islands.get(2).centroidRow(), 0.5);
        assertEquals(40 * cols + 30, islands.get(2).peakCell());
        assertTrue(islands.get(2).minRow() < 40 && islands.get(2).maxRow() > 40);
        IslandResult.Island speck = r.components().get(3);
        assertTrue(speck.skipped());
        assertEquals(3, speck.size());
        assertEquals(r.meanI(), islands.stream().mapToDouble(IslandResult.Island::moranI).average().orElseThrow(), 1e-15);
        // the same seed gives the same answer
        assertEquals(r, IslandMoransI.compute(t, sig, rows, cols, 42));
    }

    @Test
    void randomValuesInsideAnIslandAreNotSignificant() {
        int rows = 20, cols = 20;
        double[] t = MoransITest.noise(rows * cols, 77);
        boolean[] sig = new boolean[t.length];
        for (int r = 2; r < 18; r++) for (int c = 2; c < 18; c++) sig[r * cols + c] = true;
        IslandResult res = IslandMoransI.compute(t, sig, rows, cols, 8, 999, 5);
        assertEquals(1, res.nIslands());
        IslandResult.Island isl = res.islands().get(0);
        assertEquals(256, isl.size());
        assertTrue(isl.pSim() > 0.01, "p_sim of white noise " + isl.pSim());
        assertTrue(Math.abs(isl.moranI()) < 0.15, "I of white noise " + isl.moranI());
    }

    @Test
    void noIslandsGiveNaNMean() {
        boolean[] sig = new boolean[25];
        sig[0] = sig[1] = true;
        IslandResult r = IslandMoransI.compute(new double[25], sig, 5, 5, 42);
        assertEquals(1, r.nComponents());
        assertEquals(0, r.nIslands());
        assertEquals(0, r.nSignificantIslands());
        assertTrue(Double.isNaN(r.meanI()));
    }

    @Test
    void significantCellsNeedLowQAndPositiveT() {
        double[] q = {0.0001, 0.0001, 0.01, Double.NaN};
        double[] t = {3.0, -3.0, 3.0, 2.0};
        assertArrayEquals(new boolean[]{true, false, false, false}, IslandMoransI.significantCells(q, t, 0.001));
    }

    @Test
    void badInput() {
        assertMessage("does not match the array length 24", () -> IslandMoransI.compute(new double[24], new boolean[25], 5, 5, 1));
        assertMessage("mask", () -> IslandMoransI.compute(new double[25], new boolean[24], 5, 5, 1));
        assertMessage("at least 2", () -> IslandMoransI.compute(new double[25], new boolean[25], 5, 5, 1, 99, 1));
        assertMessage("permutations", () -> IslandMoransI.compute(new double[25], new boolean[25], 5, 5, 8, -1, 1));
        assertMessage("q has 2 values but t has 1", () -> IslandMoransI.significantCells(new double[2], new double[1], 0.001));
    }
}
