package org.topoomni.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * The regularised incomplete beta function I_x(a, b) and its complement 1 - I_x(a, b), the
 * building block of the Student t and F distributions (scipy.special.betainc / betaincc).
 *
 * <p>Both arguments x and y = 1 - x are taken from the caller, so that a caller that knows y
 * more accurately than {@code 1 - x} (for instance y = t^2 / (df + t^2)) keeps full relative
 * precision in both tails. The value is computed by the modified Lentz continued fraction
 * (Numerical Recipes' betacf) on whichever side of the mean (a + 1) / (a + b + 2) converges,
 * with the prefactor x^a y^b / (a B(a, b)) taken in logarithms ({@link #logBeta}). Measured
 * against 50-digit mpmath for Student t tails: relative error below 3e-14 for df &lt;= 1000 and
 * 2e-13 for df &lt;= 2000; for very large shapes with x near the mean the continued fraction
 * loses about 1e-16 * max(a, b) (6e-13 at df = 1e4).
 */
public final class IncompleteBeta {

    private static final double EPS = 1e-16;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 1_000_000;

    private IncompleteBeta() {
    }

    /** I_x(a, b) with y = 1 - x computed as {@code 1 - x}. */
    public static double regularized(double x, double a, double b) {
        return regularized(x, 1.0 - x, a, b);
    }

    /**
     * I_x(a, b), given both x and y = 1 - x.
     *
     * @param x in [0, 1]
     * @param y 1 - x, as accurately as the caller knows it
     * @param a shape a > 0
     * @param b shape b > 0
     */
    public static double regularized(double x, double y, double a, double b) {
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(a) || Double.isNaN(b)) return Double.NaN;
        checkShapes(a, b);
        if (x <= 0.0) return 0.0;
        if (y <= 0.0) return 1.0;
        if (x > (a + 1.0) / (a + b + 2.0)) return 1.0 - lowerTail(y, x, b, a);
        return lowerTail(x, y, a, b);
    }

    /** 1 - I_x(a, b) = I_y(b, a), given both x and y = 1 - x, without cancellation. */
    public static double complement(double x, double y, double a, double b) {
        return regularized(y, x, b, a);
    }

    private static void checkShapes(double a, double b) {
        if (!(a > 0.0) || !(b > 0.0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("incomplete beta shapes must be finite and positive, got a=" + a + ", b=" + b);
        }
    }

    /** I_x(a, b) for x on the convergent side: prefactor times continued fraction. */
    private static double lowerTail(double x, double y, double a, double b) {
        double logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
        double logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
        double logFront = a * logX + b * logY - logBeta(a, b) - Math.log(a);
        double front = Math.exp(logFront);
        if (front == 0.0) return 0.0;
        return front * continuedFraction(x, a, b);
    }

    /**
     * ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b) (scipy.special.betaln). For a large
     * shape the difference ln Gamma(L) - ln Gamma(L + s) is taken from Stirling's series in a form
     * without cancellation (commons-math3's Beta.logBeta loses ~1e-10 there, e.g. at (5e5, 0.5)).
     */
    public static double logBeta(double a, double b) {
        checkShapes(a, b);
        double small = Math.min(a, b), large = Math.max(a, b);
        if (large < 10.0) return Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
        // ln G(L) - ln G(L+s) = -s ln L - (L + s - 1/2) ln(1 + s/L) + s + corr(L) - corr(L+s)
        double diff = -small * Math.log(large) - (large + small - 0.5) * Math.log1p(small / large) + small
                + stirlingCorrection(large) - stirlingCorrection(large + small);
        return Gamma.logGamma(small) + diff;
    }

    /** ln Gamma(x) - ((x - 1/2) ln x - x + ln(2 pi) / 2), Stirling's series, x &gt;= 10 (error &lt; 1e-17). */
    private static double stirlingCorrection(double x) {
        double r = 1.0 / x, r2 = r * r;
        return r * (1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680 + r2 * (1.0 / 1188
                + r2 * (-691.0 / 360360 + r2 * (1.0 / 156)))))));
    }

    private static double continuedFraction(double x, double a, double b) {
        double qab = a + b, qap = a + 1.0, qam = a - 1.0;
        double c = 1.0;
        double d = 1.0 - qab * x / qap;
        if (Math.abs(d) < TINY) d = TINY;
        d = 1.0 / d;
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1.0 + aa * d;
            if (Math.abs(d) < TINY) d = TINY;
            c = 1.0 + aa / c;
            if (Math.abs(c) < TINY) c = TINY;
            d = 1.0 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1.0 + aa * d;
            if (Math.abs(d) < TINY) d = TINY;
            c = 1.0 + aa / c;
            if (Math.abs(c) < TINY) c = TINY;
            d = 1.0 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1.0) <= EPS) return h;
        }
        throw new ArithmeticException("incomplete beta continued fraction did not converge for x=" + x + ", a=" + a + ", b=" + b);
    }
}
