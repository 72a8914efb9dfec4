package org.topoomni.stats;

/**
 * Fisher's F distribution with (real-valued) numerator and denominator degrees of freedom:
 * survival function and CDF, equivalent to scipy.stats.f.sf / f.cdf (scipy.special.fdtrc /
 * fdtr). The upper tail is computed directly as I_{d2/(d2 + d1 F)}(d2/2, d1/2), so tiny p-values
 * keep their relative precision. NaN in, NaN out.
 */
public final class FisherF {

    private FisherF() {
    }

    /** P(F' &gt; f), scipy.stats.f.sf(f, dfn, dfd). */
    public static double sf(double f, double dfNum, double dfDen) {
        if (Double.isNaN(f) || Double.isNaN(dfNum) || Double.isNaN(dfDen)) return Double.NaN;
        checkDf(dfNum, dfDen);
        if (f <= 0) return 1.0;
        if (f == Double.POSITIVE_INFINITY) return 0.0;
        double num = dfNum * f, denom = num + dfDen;
        return IncompleteBeta.regularized(dfDen / denom, num / denom, 0.5 * dfDen, 0.5 * dfNum);
    }

    /** P(F' &lt;= f), scipy.stats.f.cdf(f, dfn, dfd). */
    public static double cdf(double f, double dfNum, double dfDen) {
        if (Double.isNaN(f) || Double.isNaN(dfNum) || Double.isNaN(dfDen)) return Double.NaN;
        checkDf(dfNum, dfDen);
        if (f <= 0) return 0.0;
        if (f == Double.POSITIVE_INFINITY) return 1.0;
        double num = dfNum * f, denom = num + dfDen;
        return IncompleteBeta.regularized(num / denom, dfDen / denom, 0.5 * dfNum, 0.5 * dfDen);
    }

    private static void checkDf(double dfNum, double dfDen) {
        if (!(dfNum > 0) || !(dfDen > 0) || Double.isInfinite(dfNum) || Double.isInfinite(dfDen)) {
            throw new IllegalArgumentException("F degrees of freedom must be finite and positive, got dfn=" + dfNum + ", dfd=" + dfDen);
        }
    }
}
