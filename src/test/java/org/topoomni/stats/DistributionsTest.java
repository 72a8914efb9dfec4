package org.topoomni.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topoomni.stats.WelchTTest.assertMessage;

class DistributionsTest {

    /** {t, df, scipy.stats.t.sf(t, df), scipy.stats.t.cdf(t, df)}, from scipy 1.17.1. */
    private static final double[][] T_CASES = {
            {0.3, 2.5, 0.39367118574759863, 0.6063288142524014},
            {1.7, 7.3, 0.0655826841765435, 0.9344173158234566},
            {-2.2, 11.9, 0.9758417648249659, 0.024158235175034074},
            {5.0, 3.0, 0.007696219036651147, 0.9923037809633488},
            {12.0, 4.6, 6.01933832587586e-05, 0.9999398066167412},
            {40.0, 3.7, 2.5693124910707486e-06, 0.9999974306875089},
            {8.0, 150.0, 1.5617426633133764e-13, 0.9999999999998438},
            {30.0, 198.0, 6.997691120120407e-76, 1.0},
            {-9.0, 5.5, 0.999914750001416, 8.524999858392556e-05},
            {0.001, 20.0, 0.4996060114832366, 0.5003939885167634},
            {1e-07, 9.0, 0.49999996119650914, 0.5000000388034909},
            {3.0, 1.0, 0.10241638234956672, 0.8975836176504333},
            {3.0, 0.4, 0.21287120019232075, 0.7871287998076792},
            {2.0, 1000000.0, 0.02275026692565962, 0.9772497330743404},
    };

    /** {f, dfn, dfd, scipy.stats.f.sf, scipy.stats.f.cdf}, from scipy 1.17.1. */
    private static final double[][] F_CASES = {
            {0.5, 2, 7, 0.6266545330387997, 0.37334546696120025},
            {3.2, 3, 20, 0.04546722991624888, 0.9545327700837511},
            {10.7, 2, 27, 0.00037844122006662733, 0.9996215587799334},
            {45.0, 4, 100, 1.4537454811375347e-21, 1.0},
            {200.0, 5, 12, 4.0139796939184637e-11, 0.9999999999598601},
            {1.0, 2.5, 17.3, 0.40416941336768064, 0.5958305866323195},
            {0.01, 9, 9, 0.9999999384519875, 6.15480124520848e-08},
            {80.0, 1, 3, 0.0029486949281702615, 0.9970513050718297},
    };

    @Test
    void studentTMatchesScipyInBothTailsToRelativePrecision() {
        double worst = 0;
        for (double[] c : T_CASES) {
            double sf = StudentT.sf(c[0], c[1]), cdf = StudentT.cdf(c[0], c[1]);
            worst = Math.max(worst, Math.max(rel(sf, c[2]), rel(cdf, c[3])));
            // the continued fraction loses about 1e-16 * df relative for very large df
            double tol = c[1] <= 1000 ? 1e-12 : 1e-10;
            assertEquals(c[2], sf, tol * c[2], "t.sf(" + c[0] + ", " + c[1] + ")");
            assertEquals(c[3], cdf, tol * c[3], "t.cdf(" + c[0] + ", " + c[1] + ")");
            assertEquals(Math.min(1, 2 * Math.min(c[2], c[3])), StudentT.twoSided(c[0], c[1]), tol * Math.min(c[2], c[3]));
        }
        System.out.printf("scipy t.sf/t.cdf worst relative error %.3e%n", worst);
    }

    @Test
    void fisherFMatchesScipyInBothTailsToRelativePrecision() {
        double worst = 0;
        for (double[] c : F_CASES) {
            double sf = FisherF.sf(c[0], c[1], c[2]), cdf = FisherF.cdf(c[0], c[1], c[2]);
            worst = Math.max(worst, Math.max(rel(sf, c[3]), rel(cdf, c[4])));
            assertEquals(c[3], sf, 1e-12 * c[3], "f.sf" + java.util.Arrays.toString(c));
            assertEquals(c[4], cdf, 1e-12 * c[4], "f.cdf" + java.util.Arrays.toString(c));
        }
        System.out.printf("scipy f.sf/f.cdf worst relative error %.3e%n", worst);
    }

    @Test
    void limitsAndSymmetry() {
        assertEquals(0.5, StudentT.sf(0, 3.3));
        assertEquals(0.0, StudentT.sf(Double.POSITIVE_INFINITY, 3.3));
        assertEquals(1.0, StudentT.sf(Double.NEGATIVE_INFINITY, 3.3));
        assertEquals(0.5 * org.apache.commons.math3.special.Erf.erfc(2 / Math.sqrt(2)), StudentT.sf(2, Double.POSITIVE_INFINITY), 1e-16);
        assertTrue(Double.isNaN(StudentT.sf(Double.NaN, 3)));
        assertTrue(Double.isNaN(StudentT.sf(1, Double.NaN)));
        for (double t = -6; t <= 6; t += 0.37) {
            assertEquals(StudentT.sf(t, 4.2), StudentT.cdf(-t, 4.2), 1e-15);
            assertEquals(1.0, StudentT.sf(t, 4.2) + StudentT.cdf(t, 4.2), 1e-15);
        }
        assertEquals(1.0, FisherF.sf(0, 2, 3));
        assertEquals(0.0, FisherF.sf(Double.POSITIVE_INFINITY, 2, 3));
        // F(1, d) is the square of t(d): P(F > t^2) = two-sided t p
        assertEquals(StudentT.twoSided(2.7, 9.5), FisherF.sf(2.7 * 2.7, 1, 9.5), 1e-14);
        // p-values far below 1e-300 keep relative precision instead of collapsing to 0
        // (mpmath, 50 digits: 2.7756895533263209378e-184)
        assertEquals(2.7756895533263209e-184, StudentT.sf(200, 150), 1e-12 * 2.7756895533263209e-184);
        assertEquals(2.7756895533263209e-184, StudentT.cdf(-200, 150), 1e-12 * 2.7756895533263209e-184);
    }

    @Test
    void incompleteBetaSymmetry() {
        for (double x = 0.01; x < 1; x += 0.07) {
            assertEquals(1.0, IncompleteBeta.regularized(x, 2.5, 7.1) + IncompleteBeta.regularized(1 - x, 7.1, 2.5), 1e-14);
        }
        assertEquals(0.3, IncompleteBeta.regularized(0.3, 1, 1), 1e-15);           // uniform
        assertEquals(0.09, IncompleteBeta.regularized(0.3, 2, 1), 1e-15);          // x^2
        assertEquals(1 - 0.09, IncompleteBeta.complement(0.3, 0.7, 2, 1), 1e-15);
    }

    @Test
    void badDegreesOfFreedom() {
        assertMessage("degrees of freedom", () -> StudentT.sf(1, 0));
        assertMessage("degrees of freedom", () -> StudentT.cdf(1, -2));
        assertMessage("F degrees of freedom", () -> FisherF.sf(1, 0, 3));
        assertMessage("F degrees of freedom", () -> FisherF.cdf(1, 3, -1));
        assertMessage("shapes", () -> IncompleteBeta.regularized(0.5, 0, 1));
    }

    private static double rel(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }
}
