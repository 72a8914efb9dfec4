package org.topoomni.report;

import org.topoomni.results.ContrastSummary;
import org.topoomni.results.LocalizerSummary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One localizer contrast's island numbers in both models. A model that lacks the contrast has
 * NaN and -1 counts; {@code peak*} is {t, q} of the contrast's peak (NaN where absent).
 */
record IslandRow(String contrast, String label, String region, double iTopo, int nTopo, int sigTopo, int unitsTopo,
                 double iControl, int nControl, int sigControl, int unitsControl, double[] peakTopo, double[] peakControl) {

    boolean inTopo() {
        return nTopo >= 0;
    }

    boolean inControl() {
        return nControl >= 0;
    }

    /** A model's islands in words: "I = 0.61, 2 islands", "no islands" or "not run" ({@code n} &lt; 0). */
    static String text(double i, int n) {
        if (n < 0) return "not run";
        return Double.isNaN(i) ? "no islands" : "I = " + Html.num(i, 2) + ", " + Html.plural(n, "island");
    }

    /** Every contrast of either localizer run, the topographic run's first. */
    static List<IslandRow> of(LocalizerSummary topo, LocalizerSummary control) {
        Set<String> names = new LinkedHashSet<>();
        if (topo != null) names.addAll(topo.contrasts().keySet());
        if (control != null) names.addAll(control.contrasts().keySet());
        List<IslandRow> rows = new ArrayList<>();
        for (String n : names) {
            ContrastSummary a = topo == null ? null : topo.contrasts().get(n), b = control == null ? null : control.contrasts().get(n);
            ContrastSummary any = a != null ? a : b;
            rows.add(new IslandRow(n, any.label(), any.region(),
                    a == null ? Double.NaN : a.islandMoransI(), a == null ? -1 : a.nIslands(), a == null ? -1 : a.nSignificantIslands(),
                    a == null ? -1 : a.nSignificant(),
                    b == null ? Double.NaN : b.islandMoransI(), b == null ? -1 : b.nIslands(), b == null ? -1 : b.nSignificantIslands(),
                    b == null ? -1 : b.nSignificant(), peak(a), peak(b)));
        }
        return rows;
    }

    /** A contrast's peak {t, q} (NaN where absent: older summaries have no q). */
    private static double[] peak(ContrastSummary c) {
        ContrastSummary.Peak p = c == null ? null : c.peak();
        return p == null ? new double[] {Double.NaN, Double.NaN} : new double[] {p.t(), p.q()};
    }
}
