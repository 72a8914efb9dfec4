package org.topoomni.stats;

import org.topoomni.testing.Golden;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WelchTTest {

    private static final JsonNode G = Golden.load("welch_fdr_cohen.json");

    @Test
    void goldenWelchTPAndCohenD() {
        WelchResult r = WelchT.welch(Golden.matrix(G.get("on")), Golden.matrix(G.get("off")));
        Golden.assertClose("welch t", Golden.vector(G.get("t")), r.t());
        Golden.assertClose("welch p_greater", Golden.vector(G.get("p_greater")), r.pGreater());
        // p-values span many decades: also check them relative to their own size
        Golden.assertRelative("welch p_greater (relative)", Golden.vector(G.get("p_greater")), r.pGreater(), 1e-9);
        Golden.assertClose("cohen d", Golden.vector(G.get("cohen_d")), r.cohenD());
        Golden.assertClose("welch BH q", Golden.vector(G.get("q_bh")), r.qGreater());
    }

    @Test
    void flatFloatMatrixMatchesGoldenToFloatPrecision() {
        double[][] on = Golden.matrix(G.get("on")), off = Golden.matrix(G.get("off"));
        int units = on[0].length, n = on.length + off.length;
        // interleave ON and OFF rows to check the row indexing
        float[] data = new float[n * units];
        int[] onRows = new int[on.length], offRows = new int[off.length];
        int io = 0, jf = 0;
        for (int row = 0; row < n; row++) {
            boolean isOn = (row % 2 == 0 && io < on.length) || jf == off.length;
            double[] src = isOn ? on[io] : off[jf];
            if (isOn) onRows[io++] = row;
            else offRows[jf++] = row;
            for (int u = 0; u < units; u++) data[row * units + u] = (float) src[u];
        }
        WelchResult r = WelchT.welch(data, units, onRows, offRows);
        double[] t = Golden.vector(G.get("t"));
        for (int u = 0; u < units; u++) assertEquals(t[u], r.t()[u], 1e-5 * Math.max(1, Math.abs(t[u])), "t of unit " + u);
        assertEquals(on.length, r.nOn());
        assertEquals(off.length, r.nOff());
    }

    @Test
    void swappingOnAndOffFlipsTheSignAndComplementsP() {
        double[][] on = Golden.matrix(G.get("on")), off = Golden.matrix(G.get("off"));
        WelchResult a = WelchT.welch(on, off), b = WelchT.welch(off, on);
        for (int u = 0; u < a.units(); u++) {
            assertEquals(-a.t()[u], b.t()[u], 1e-12);
            assertEquals(a.df()[u], b.df()[u], 1e-9);
            assertEquals(1.0, a.pGreater()[u] + b.pGreater()[u], 1e-12);
            assertEquals(a.pTwoSided()[u], b.pTwoSided()[u], 1e-15);
            assertEquals(-a.cohenD()[u], b.cohenD()[u], 1e-12);
            assertEquals(2 * Math.min(a.pGreater()[u], b.pGreater()[u]), a.pTwoSided()[u], 1e-12);
        }
    }

    @Test
    void shiftAndScaleInvariance() {
        double[][] on = Golden.matrix(G.get("on")), off = Golden.matrix(G.get("off"));
        WelchResult a = WelchT.welch(on, off);
        WelchResult b = WelchT.welch(affine(on, 3.5, -7), affine(off, 3.5, -7));
        for (int u = 0; u < a.units(); u++) {
            assertEquals(a.t()[u], b.t()[u], 1e-9 * Math.max(1, Math.abs(a.t()[u])));
            assertEquals(a.cohenD()[u], b.cohenD()[u], 1e-9);
        }
    }

    @Test
    void welchDfLiesBetweenTheSmallerGroupAndThePooledDf() {
        SplittableRandom rng = new SplittableRandom(3);
        int units = 500, nOn = 7, nOff = 25;
        float[] data = new float[(nOn + nOff) * units];
        for (int i = 0; i < data.length; i++) data[i] = (float) (rng.nextGaussian() * (i < nOn * units ? 3 : 1));
        WelchResult r = WelchT.welch(data, units, Checks.range(0, nOn), Checks.range(nOn, nOff));
        for (int u = 0; u < units; u++) {
            assertTrue(r.df()[u] >= Math.min(nOn, nOff) - 1 - 1e-9 && r.df()[u] <= nOn + nOff - 2 + 1e-9, "df " + r.df()[u]);
        }
    }

    @Test
    void zeroVarianceUnits() {
        // unit 0: all zero (dead) -> NaN; unit 1: constant 2 vs constant 1 -> +inf, p 0; unit 2: normal
        double[][] on = {{0, 2, 1.0}, {0, 2, 2.0}, {0, 2, 3.5}};
        double[][] off = {{0, 1, 0.5}, {0, 1, 1.0}, {0, 1, 0.2}};
        WelchResult r = WelchT.welch(on, off);
        assertTrue(Double.isNaN(r.t()[0]) && Double.isNaN(r.pGreater()[0]) && Double.isNaN(r.cohenD()[0]));
        assertEquals(Double.POSITIVE_INFINITY, r.t()[1]);
        assertEquals(0.0, r.pGreater()[1]);
        assertEquals(0.0, r.pTwoSided()[1]);
        assertEquals(4.0, r.df()[1]);
        assertTrue(r.t()[2] > 0 && r.pGreater()[2] < 0.5);
        double[] q = r.qGreater();
        assertEquals(1.0, q[0], "a NaN p counts as p = 1");
        assertEquals(0.0, q[1]);
    }

    @Test
    void cohensDFormula() {
        // means 3 and 1, variances 4 and 1, n 5 and 3 -> pooled var (16 + 2) / 6 = 3
        assertEquals(2 / Math.sqrt(3), WelchT.cohensD(3, 4, 5, 1, 1, 3), 1e-15);
    }

    @Test
    void badInput() {
        float[] data = new float[6 * 4];
        int[] on = {0, 1, 2}, off = {3, 4, 5};
        assertMessage("not a multiple", () -> WelchT.welch(new float[23], 4, on, off));
        assertMessage("empty", () -> WelchT.welch(data, 4, new int[0], off));
        assertMessage("empty", () -> WelchT.welch(data, 4, on, new int[0]));
        assertMessage("at least 2", () -> WelchT.welch(data, 4, new int[]{0}, off));
        assertMessage("outside", () -> WelchT.welch(data, 4, on, new int[]{3, 6}));
        assertMessage("both", () -> WelchT.welch(data, 4, on, new int[]{2, 3}));
        assertMessage("units must be positive", () -> WelchT.welch(data, 0, on, off));
        assertMessage("OFF samples have 3", () -> WelchT.welch(new double[][]{{1, 2}, {3, 4}}, new double[][]{{1, 2, 3}, {3, 4, 5}}));
        assertMessage("sample 1 has", () -> WelchT.welch(new double[][]{{1, 2}, {3}}, new double[][]{{1, 2}, {3, 4}}));
        assertMessage("at least 2", () -> WelchT.welch(new double[][]{{1, 2}}, new double[][]{{1, 2}, {3, 4}}));
    }

    static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should mention '" + fragment + "'");
    }

    private static double[][] affine(double[][] m, double scale, double shift) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
            for (int j = 0; j < out[i].length; j++) out[i][j] = out[i][j] * scale + shift;
        }
        return out;
    }
}
