package org.topoomni.stats;

/**
 * Per-unit result of a Welch two-sample t-test, ON versus OFF (nilearn/scipy vocabulary: a
 * t map, its degrees of freedom, p-values and an effect-size map). All arrays have one entry per
 * unit.
 *
 * @param t         Welch t = (meanOn - meanOff) / sqrt(varOn/nOn + varOff/nOff)
 * @param df        Welch–Satterthwaite degrees of freedom
 * @param pGreater  one-sided p for ON &gt; OFF (scipy {@code alternative='greater'})
 * @param pTwoSided two-sided p
 * @param cohenD    Cohen's d, (meanOn - meanOff) / pooled sd (ddof 1)
 * @param meanOn    mean response to the ON samples
 * @param meanOff   mean response to the OFF samples
 * @param varOn     variance (ddof 1) over the ON samples
 * @param varOff    variance (ddof 1) over the OFF samples
 * @param nOn       number of ON samples
 * @param nOff      number of OFF samples
 */
public record WelchResult(double[] t, double[] df, double[] pGreater, double[] pTwoSided, double[] cohenD,
                          double[] meanOn, double[] meanOff, double[] varOn, double[] varOff, int nOn, int nOff) {

    /** Number of units. */
    public int units() {
        return t.length;
    }

    /** Benjamini–Hochberg q-values of the one-sided (ON &gt; OFF) p-values. */
    public double[] qGreater() {
        return FDR.benjaminiHochberg(pGreater);
    }
}
