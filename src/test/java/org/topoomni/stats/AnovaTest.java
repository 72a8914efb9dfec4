package org.topoomni.stats;

import org.topoomni.testing.Golden;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topoomni.stats.WelchTTest.assertMessage;

class AnovaTest {

    private static final JsonNode G = Golden.load("anova_fdr.json");

    private static double[][][] groups() {
        JsonNode g = G.get("groups");
        double[][][] out = new double[g.size()][][];
        for (int i = 0; i < out.length; i++) out[i] = Golden.matrix(g.get(i));
        return out;
    }

    @Test
    void goldenFPAndQ() {
        AnovaResult r = Anova.oneWay(groups());
        Golden.assertClose("anova F", Golden.vector(G.get("F")), r.f());
        Golden.assertClose("anova p", Golden.vector(G.get("p")), r.p());
        Golden.assertRelative("anova p (relative)", Golden.vector(G.get("p")), r.p(), 1e-9);
        Golden.assertClose("anova BH q", Golden.vector(G.get("q_bh")), r.q());
        assertEquals(2, r.dfBetween());
        assertEquals(21, r.dfWithin());
    }

    @Test
    void flatFloatMatrixWithRowGroupsMatchesGolden() {
        double[][][] g = groups();
        int units = g[0][0].length;
        int total = 0;
        for (double[][] m : g) total += m.length;
        float[] data = new float[total * units];
        int[][] rows = new int[g.length][];
        // rows of the groups interleaved: sample s belongs to group s % 3
        int[] fill = new int[g.length];
        for (int i = 0; i < g.length; i++) rows[i] = new int[g[i].length];
        for (int s = 0; s < total; s++) {
            int k = s % g.length;
            rows[k][fill[k]] = s;
            double[] src = g[k][fill[k]++];
            for (int u = 0; u < units; u++) data[s * units + u] = (float) src[u];
        }
        AnovaResult r = Anova.oneWay(data, units, rows);
        double[] f = Golden.vector(G.get("F"));
        for (int u = 0; u < units; u++) assertEquals(f[u], r.f()[u], 1e-5 * Math.max(1, f[u]));
    }

    @Test
    void twoGroupAnovaIsTheSquaredPooledT() {
        double[][] a = {{1.0}, {2.5}, {3.1}, {0.7}}, b = {{4.0}, {3.3}, {5.9}};
        AnovaResult r = Anova.oneWay(a, b);
        // pooled (Student) t by hand
        double ma = (1.0 + 2.5 + 3.1 + 0.7) / 4, mb = (4.0 + 3.3 + 5.9) / 3;
        double ssa = sq(1.0 - ma) + sq(2.5 - ma) + sq(3.1 - ma) + sq(0.7 - ma);
        double ssb = sq(4.0 - mb) + sq(3.3 - mb) + sq(5.9 - mb);
        double t = (ma - mb) / Math.sqrt((ssa + ssb) / 5 * (1.0 / 4 + 1.0 / 3));
        assertEquals(t * t, r.f()[0], 1e-12);
        assertEquals(StudentT.twoSided(t, 5), r.p()[0], 1e-14);
    }

    @Test
    void preferredGroupAndDegenerateUnits() {
        // unit 0: group 1 highest; unit 1: constant everywhere (NaN); unit 2: no within-group spread (inf)
        double[][] g0 = {{0, 5, 1}, {1, 5, 1}}, g1 = {{3, 5, 2}, {4, 5, 2}}, g2 = {{1, 5, 3}, {2, 5, 3}};
        AnovaResult r = Anova.oneWay(g0, g1, g2);
        assertArrayEquals(new int[]{1, 0, 2}, r.preferredGroup());
        assertTrue(Double.isNaN(r.f()[1]) && Double.isNaN(r.p()[1]));
        assertEquals(Double.POSITIVE_INFINITY, r.f()[2]);
        assertEquals(0.0, r.p()[2]);
        assertEquals(1.0, r.q()[1]);
    }

    @Test
    void badInput() {
        assertMessage("at least 2 groups", () -> Anova.oneWay(new double[][]{{1}, {2}}));
        assertMessage("group 1 has 2 units", () -> Anova.oneWay(new double[][]{{1}, {2}}, new double[][]{{1, 2}}));
        assertMessage("more samples than groups", () -> Anova.oneWay(new double[][]{{1}}, new double[][]{{2}}));
        assertMessage("group 1 group is empty", () -> Anova.oneWay(new float[4], 2, new int[][]{{0}, {}}));
        assertMessage("outside", () -> Anova.oneWay(new float[4], 2, new int[][]{{0}, {2}}));
        assertMessage("not a multiple", () -> Anova.oneWay(new float[5], 2, new int[][]{{0}, {1}}));
    }

    private static double sq(double x) {
        return x * x;
    }
}
