package org.topoomni.report;

import org.topoomni.results.PerturbationSummary;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dose-response curves of one category as the report reads them off a perturbation summary,
 * and the effects it reports. Coverage is kept as a fraction of the vision stack's units; a
 * summary that lists it in percent (any value above 1) is divided by 100. Curves a summary lacks
 * read as NaN (the by-category splits as empty).
 *
 * <ul>
 * <li>drive: answers naming the category for images of the other categories, cluster mask;</li>
 * <li>suppress / suppressOther: identification of the category's own images / of the other
 *     categories' images while the category's cluster is suppressed;</li>
 * <li>randomDrive / randomSuppress: the same with random masks of equal size;</li>
 * <li>otherByCategory / randomOtherByCategory: suppressOther split by the other images' category.</li>
 * </ul>
 * Coverage 0 is the unperturbed model.
 */
record PerturbCurves(String category, double[] coverage, double[] drive, double[] suppress, double[] suppressOther,
                     double[] randomDrive, double[] randomSuppress, Map<String, double[]> otherByCategory, Map<String, double[]> randomOtherByCategory) {

    /** Every category's curves of a summary, in file order. */
    static Map<String, PerturbCurves> of(PerturbationSummary summary) {
        Map<String, PerturbCurves> out = new LinkedHashMap<>();
        summary.categories().forEach((c, n) -> out.put(c, of(c, n)));
        return out;
    }

    static PerturbCurves of(String category, PerturbationSummary.Curves n) {
        double[] cov = n.coverage().clone();
        boolean percent = false;
        for (double v : cov) percent |= v > 1;
        if (percent) for (int i = 0; i < cov.length; i++) cov[i] /= 100;
        return new PerturbCurves(category, cov, orNaN(n.driveRate(), cov.length), orNaN(n.suppressAccuracy(), cov.length),
                orNaN(n.suppressOtherAccuracy(), cov.length), orNaN(n.randomDriveRate(), cov.length), orNaN(n.randomSuppressAccuracy(), cov.length),
                n.suppressOtherByCategory(), n.randomSuppressOtherByCategory());
    }

    private static double[] orNaN(double[] a, int length) {
        if (a != null) return a;
        double[] out = new double[length];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    /** Index of the coverage point {@code c} (within 1e-6), or -1. */
    int at(double c) {
        for (int i = 0; i < coverage.length; i++) if (Math.abs(coverage[i] - c) < 1e-6) return i;
        return -1;
    }

    private static double get(double[] a, int i) {
        return i < 0 ? Double.NaN : a[i];
    }

    /** Index of the highest drive rate at a coverage in (0, maxCoverage], or -1. */
    int bestDrive(double maxCoverage) {
        int best = -1;
        for (int i = 0; i < coverage.length; i++) {
            if (coverage[i] <= 0 || coverage[i] > maxCoverage + 1e-9 || Double.isNaN(drive[i])) continue;
            if (best < 0 || drive[i] > drive[best]) best = i;
        }
        return best;
    }

    /** Drop in the category's identification from coverage 0 to coverage point i (positive = fell). */
    double suppressDrop(int i) {
        return get(suppress, at(0)) - get(suppress, i);
    }

    double otherDrop(int i) {
        return get(suppressOther, at(0)) - get(suppressOther, i);
    }

    double randomSuppressDrop(int i) {
        return get(randomSuppress, at(0)) - get(randomSuppress, i);
    }

    /** One effect of an intervention: the cluster mask's rate, the random mask's, and the rate without intervention. */
    record Effect(String intervention, String category, double coverage, double value, double random, double baseline) {
        /** How far the cluster mask moved the rate beyond the random mask (or beyond no intervention when no random mask was measured). */
        double size() {
            double ref = Double.isNaN(random) ? baseline : random;
            return intervention.equals("drive") ? value - ref : ref - value;
        }
    }

    /** The largest effect over the curves: drive rate above, or identification below, the random mask's at the same coverage. */
    static Effect best(Map<String, PerturbCurves> curves) {
        Effect best = null;
        for (PerturbCurves c : curves.values()) {
            int zero = c.at(0);
            for (int i = 0; i < c.coverage.length; i++) {
                if (c.coverage[i] <= 0) continue;
                Effect d = new Effect("drive", c.category, c.coverage[i], c.drive[i], c.randomDrive[i], get(c.drive, zero));
                Effect s = new Effect("suppress", c.category, c.coverage[i], c.suppress[i], c.randomSuppress[i], get(c.suppress, zero));
                for (Effect e : new Effect[] {d, s}) {
                    if (Double.isNaN(e.size())) continue;
                    if (best == null || e.size() > best.size()) best = e;
                }
            }
        }
        return best;
    }
}
