package org.topoomni.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dose-response curves of one category from a perturbation summary
 * ({@code {"model", "categories": {"<cat>": {"coverage": [..], "drive_rate": [..], ...}}}}), and
 * the effects the report reads off them. Coverage is kept as a fraction of the vision stack's
 * units; a summary that lists it in percent (any value above 1) is divided by 100.
 *
 * <ul>
 * <li>drive_rate: answers naming the category for images of the other categories, cluster mask;</li>
 * <li>suppress_accuracy / suppress_other_accuracy: identification of the category's own images /
 *     of the other categories' images while the category's cluster is suppressed;</li>
 * <li>random_drive_rate / random_suppress_accuracy: the same with random masks of equal size;</li>
 * <li>suppress_other_by_category / random_suppress_other_by_category: suppress_other_accuracy
 *     split by the other images' category (empty when the summary predates them).</li>
 * </ul>
 * Coverage 0 is the unperturbed model; arrays that are absent read as NaN.
 */
record PerturbCurves(String category, double[] coverage, double[] drive, double[] suppress, double[] suppressOther,
                     double[] randomDrive, double[] randomSuppress, Map<String, double[]> otherByCategory, Map<String, double[]> randomOtherByCategory) {

    static final String[] KEYS = {"drive_rate", "suppress_accuracy", "suppress_other_accuracy", "random_drive_rate", "random_suppress_accuracy"};

    /** Every category's curves of a summary, in file order. */
    static Map<String, PerturbCurves> read(JsonNode summary, String source) {
        JsonNode cats = summary.get("categories");
        if (cats == null || !cats.isObject()) throw new IllegalArgumentException(source + " has no \"categories\" object");
        Map<String, PerturbCurves> out = new LinkedHashMap<>();
        for (Iterator<String> it = cats.fieldNames(); it.hasNext(); ) {
            String c = it.next();
            JsonNode n = cats.get(c);
            double[] cov = array(n, "coverage", -1, source + " " + c);
            if (cov == null) throw new IllegalArgumentException(source + ": category " + c + " has no \"coverage\" list");
            boolean percent = false;
            for (double v : cov) percent |= v > 1;
            if (percent) for (int i = 0; i < cov.length; i++) cov[i] /= 100;
            double[][] a = new double[KEYS.length][];
            for (int k = 0; k < KEYS.length; k++) {
                a[k] = array(n, KEYS[k], cov.length, source + " " + c);
                if (a[k] == null) {
                    a[k] = new double[cov.length];
                    java.util.Arrays.fill(a[k], Double.NaN);
                }
            }
            out.put(c, new PerturbCurves(c, cov, a[0], a[1], a[2], a[3], a[4], byCategory(n, "suppress_other_by_category", cov.length, source + " " + c),
                    byCategory(n, "random_suppress_other_by_category", cov.length, source + " " + c)));
        }
        return out;
    }

    private static Map<String, double[]> byCategory(JsonNode n, String key, int length, String where) {
        Map<String, double[]> out = new LinkedHashMap<>();
        JsonNode o = n.get(key);
        if (o == null || !o.isObject()) return out;
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String y = it.next();
            out.put(y, array(o, y, length, where + " " + key));
        }
        return out;
    }

    private static double[] array(JsonNode n, String key, int length, String where) {
        JsonNode a = n.get(key);
        if (a == null || a.isNull()) return null;
        if (!a.isArray()) throw new IllegalArgumentException(where + ": \"" + key + "\" is not a list");
        if (length >= 0 && a.size() != length) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" has " + a.size() + " values but \"coverage\" has " + length);
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).isNumber() ? a.get(i).asDouble() : Double.NaN;
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

    /** Whether the drive target holds: some coverage at most 15% gives a drive rate of at least 80%. */
    boolean driveTargetMet() {
        int i = bestDrive(Targets.DRIVE_MAX_COVERAGE);
        return i >= 0 && drive[i] >= Targets.DRIVE_RATE;
    }

    /** The suppress target at 10% coverage: own identification falls by >= 50 points, the others by <= 10; null when not measured. */
    Boolean suppressTargetMet() {
        int i = at(Targets.SUPPRESS_COVERAGE);
        double d = suppressDrop(i), o = otherDrop(i);
        if (i < 0 || Double.isNaN(d) || Double.isNaN(o)) return null;
        return d >= Targets.SUPPRESS_DROP && o <= Targets.SUPPRESS_OTHER_DROP;
    }

    /** One effect of an intervention: the cluster mask's rate, the random mask's, and the rate without intervention. */
    record Effect(String kind, String category, double coverage, double value, double random, double baseline) {
        /** How far the cluster mask moved the rate beyond the random mask (or beyond no intervention when no random mask was measured). */
        double size() {
            double ref = Double.isNaN(random) ? baseline : random;
            return kind.equals("drive") ? value - ref : ref - value;
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
