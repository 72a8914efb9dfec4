package org.topoomni.stats;

import org.apache.commons.math3.special.Erf;

/**
 * Student's t distribution with real-valued degrees of freedom (as Welch's test produces):
 * survival function, CDF and two-sided p, equivalent to scipy.stats.t.sf / t.cdf.
 *
 * <p>Both tails are computed directly from the regularised incomplete beta function,
 * P(T &gt; t) = I_{df/(df+t^2)}(df/2, 1/2) / 2 for t &gt; 0, never as 1 - cdf, so a p-value of
 * 1e-300 keeps its relative precision. Infinite df gives the standard normal. NaN in, NaN out.
 */
public final class StudentT {

    private StudentT() {
    }

    /** P(T &gt; t), scipy.stats.t.sf(t, df). */
    public static double sf(double t, double df) {
        if (Double.isNaN(t) || Double.isNaN(df)) return Double.NaN;
        checkDf(df);
        if (t < 0) return 1.0 - upperTail(-t, df);
        return upperTail(t, df);
    }

    /** P(T &lt;= t), scipy.stats.t.cdf(t, df). */
    public static double cdf(double t, double df) {
        if (Double.isNaN(t) || Double.isNaN(df)) return Double.NaN;
        checkDf(df);
        if (t > 0) return 1.0 - upperTail(t, df);
        return upperTail(-t, df);
    }

    /** P(|T| &gt; |t|), the two-sided p-value. */
    public static double twoSided(double t, double df) {
        if (Double.isNaN(t) || Double.isNaN(df)) return Double.NaN;
        checkDf(df);
        return Math.min(1.0, 2.0 * upperTail(Math.abs(t), df));
    }

    /** P(T &gt; x) for x &gt;= 0. */
    static double upperTail(double x, double df) {
        if (x == 0.0) return 0.5;
        if (x == Double.POSITIVE_INFINITY) return 0.0;
        if (df == Double.POSITIVE_INFINITY) return 0.5 * Erf.erfc(x / Math.sqrt(2.0));
        double x2 = x * x;
        if (Double.isInfinite(x2)) {
            // t beyond 1e154: I_z(df/2, 1/2) with z = df / x^2 to first order
            return 0.5 * IncompleteBeta.regularized(df / x / x, 1.0, 0.5 * df, 0.5);
        }
        double denom = df + x2;
        double z = df / denom;     // df / (df + t^2)
        double w = x2 / denom;     // t^2 / (df + t^2) = 1 - z, without cancellation
        return 0.5 * IncompleteBeta.regularized(z, w, 0.5 * df, 0.5);
    }

    static void checkDf(double df) {
        if (!(df > 0)) throw new IllegalArgumentException("degrees of freedom must be positive, got " + df);
    }
}
