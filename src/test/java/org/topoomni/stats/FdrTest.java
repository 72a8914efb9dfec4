package org.topoomni.stats;

import org.topoomni.testing.Golden;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topoomni.stats.WelchTTest.assertMessage;

class FdrTest {

    @Test
    void goldenQValuesFromWelchAndAnovaFiles() {
        Golden.assertClose("BH q (welch_fdr_cohen p)", Golden.vector(Golden.load("welch_fdr_cohen.json").get("q_bh")),
                FDR.benjaminiHochberg(Golden.vector(Golden.load("welch_fdr_cohen.json").get("p_greater"))));
        Golden.assertClose("BH q (anova_fdr p)", Golden.vector(Golden.load("anova_fdr.json").get("q_bh")),
                FDR.benjaminiHochberg(Golden.vector(Golden.load("anova_fdr.json").get("p"))));
    }

    @Test
    void handWorkedExample() {
        // sorted p 0.01, 0.02, 0.03, 0.5 with n = 4: raw 0.04, 0.04, 0.04, 0.5
        assertArrayEquals(new double[]{0.5, 0.04, 0.04, 0.04}, FDR.benjaminiHochberg(new double[]{0.5, 0.03, 0.01, 0.02}), 1e-15);
        // ties share one q: sorted 0.05, 0.05, 1 -> raw 0.15, 0.075, 1 -> 0.075, 0.075, 1
        assertArrayEquals(new double[]{1.0, 0.075, 0.075}, FDR.benjaminiHochberg(new double[]{1.0, 0.05, 0.05}), 1e-15);
        assertArrayEquals(new double[0], FDR.benjaminiHochberg(new double[0]));
    }

    @Test
    void qIsAtLeastPMonotoneInPAndAtMostOne() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] p = new double[100_000];
        for (int i = 0; i < p.length; i++) p[i] = i % 10 == 0 ? rng.nextDouble() * 1e-4 : rng.nextDouble();
        p[5] = p[6];   // a tie
        double[] q = FDR.benjaminiHochberg(p);
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        for (int k = 0; k < p.length; k++) {
            int i = order[k];
            assertTrue(q[i] >= p[i] && q[i] <= 1.0, "q " + q[i] + " for p " + p[i]);
            if (k > 0) assertTrue(q[i] >= q[order[k - 1]], "q must not decrease as p increases");
        }
        assertEquals(q[5], q[6]);
    }

    @Test
    void nanPCountsAsOne() {
        double[] withNan = FDR.benjaminiHochberg(new double[]{0.01, Double.NaN, 0.02});
        double[] withOne = FDR.benjaminiHochberg(new double[]{0.01, 1.0, 0.02});
        assertArrayEquals(withOne, withNan, 0.0);
        assertEquals(1.0, withNan[1]);
    }

    @Test
    void significantMask() {
        assertArrayEquals(new boolean[]{true, false, false}, FDR.significant(new double[]{0.0005, 0.001, Double.NaN}, 0.001));
    }

    @Test
    void badInput() {
        assertMessage("outside [0, 1]", () -> FDR.benjaminiHochberg(new double[]{0.1, 1.5}));
        assertMessage("index 0", () -> FDR.benjaminiHochberg(new double[]{-0.1}));
        assertMessage("missing", () -> FDR.benjaminiHochberg(null));
        assertMessage("alpha", () -> FDR.significant(new double[]{0.1}, 0));
    }
}
