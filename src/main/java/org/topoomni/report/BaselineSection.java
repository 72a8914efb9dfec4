package org.topoomni.report;

import org.topoomni.results.PerturbationSummary;
import org.topoomni.results.PretrainMetrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.topoomni.report.Html.esc;
import static org.topoomni.report.Html.num;
import static org.topoomni.report.Html.pct;

/**
 * Two demo runs side by side, typically "pretrained vs from scratch": the same stimuli and
 * localizers on this run's base model and on a baseline run's (e.g. {@code demo --architecture
 * tinyomni}). One row per measure the report's checks rest on: the base model's held-out
 * accuracy, the topographic model's islands per contrast, the response profiles against the
 * human fROIs, the face cluster's perturbation and the screening's discoveries. A measure one run
 * lacks reads "not run"; nothing is filled in.
 */
final class BaselineSection {

    private BaselineSection() {
    }

    /** One compared measure: its name and each run's value as text, with a number to tell which is higher (NaN: not comparable). */
    record Row(String measure, String value, String baseline, double a, double b) {}

    static String html(RunFolder run, RunFolder baseline) {
        if (baseline == null) return "";
        String nameA = architecture(run), nameB = architecture(baseline);
        StringBuilder sb = new StringBuilder(Section.start("baseline", "This model vs the baseline run",
                "the same localizers, perturbation and screening on two base models: this run's (" + esc(nameA) + ") and the baseline run's ("
                        + esc(nameB) + ", " + esc(baseline.dir.toAbsolutePath().normalize().toString()) + "). A pretrained network should give "
                        + "islands, profiles and perturbation effects at least as clear as a network that learned to see from scratch."));
        sb.append("<table class=\"baseline\">\n<tr><th>measure</th><th>").append(esc(nameA)).append(" (this run)</th><th>").append(esc(nameB))
                .append(" (baseline)</th></tr>\n");
        for (Row r : rows(run, baseline)) {
            String ca = "", cb = "";
            if (!Double.isNaN(r.a()) && !Double.isNaN(r.b()) && r.a() != r.b()) {
                ca = r.a() > r.b() ? " class=\"higher\"" : "";
                cb = r.b() > r.a() ? " class=\"higher\"" : "";
            }
            sb.append("<tr><td>").append(esc(r.measure())).append("</td><td").append(ca).append('>').append(r.value()).append("</td><td").append(cb)
                    .append('>').append(r.baseline()).append("</td></tr>\n");
        }
        sb.append("</table>\n<p class=\"line\">Higher of the two in bold. Island Moran's I and counts are the topographic model's; "
                + "r is the Pearson correlation of the region's response profile with the human fROI's.</p>\n");
        return sb.append(Section.end()).toString();
    }

    /** The compared measures, in the report's order. */
    static List<Row> rows(RunFolder run, RunFolder baseline) {
        List<Row> out = new ArrayList<>();
        PretrainMetrics pa = run.pretrain(), pb = baseline.pretrain();
        out.add(fraction("held-out visual accuracy", pa == null ? Double.NaN : pa.visualAccuracy(), pb == null ? Double.NaN : pb.visualAccuracy()));
        out.add(fraction("held-out auditory accuracy", pa == null ? Double.NaN : pa.auditoryAccuracy(), pb == null ? Double.NaN : pb.auditoryAccuracy()));
        for (String c : List.of("visual/faces", "visual/bodies", "visual/scenes", "visual/words")) {
            out.add(fraction("held-out accuracy, " + c.substring(c.indexOf('/') + 1), category(pa, c), category(pb, c)));
        }
        Map<String, IslandRow> ia = byContrast(IslandRow.of(run.localize.topo(), run.localize.control()));
        Map<String, IslandRow> ib = byContrast(IslandRow.of(baseline.localize.topo(), baseline.localize.control()));
        for (String c : union(ia.keySet(), ib.keySet())) {
            if (!Targets.hasIslandTarget(c)) continue;
            IslandRow a = ia.get(c), b = ib.get(c);
            out.add(new Row("island Moran's I, " + c, a == null ? "not run" : esc(IslandRow.text(a.iTopo(), a.nTopo())),
                    b == null ? "not run" : esc(IslandRow.text(b.iTopo(), b.nTopo())), a == null ? Double.NaN : a.iTopo(), b == null ? Double.NaN : b.iTopo()));
        }
        Map<String, Double> ra = profiles(run), rb = profiles(baseline);
        for (String roi : union(ra.keySet(), rb.keySet())) {
            double a = ra.getOrDefault(roi, Double.NaN), b = rb.getOrDefault(roi, Double.NaN);
            out.add(new Row("profile r vs human " + roi, Double.isNaN(a) ? "not run" : num(a, 2), Double.isNaN(b) ? "not run" : num(b, 2), a, b));
        }
        PerturbCurves fa = faces(run), fb = faces(baseline);
        out.add(fraction("driving the face cluster (\u2264 " + num(100 * Targets.DRIVE_MAX_COVERAGE, 0) + "%): other images called a face",
                bestDrive(fa), bestDrive(fb)));
        out.add(fraction("suppressing " + num(100 * Targets.SUPPRESS_COVERAGE, 0) + "% of it: drop in face naming", drop(fa), drop(fb)));
        ScreeningVerdict sa = run.discover == null ? null : ScreeningVerdict.of(run.discover, run.localizers());
        ScreeningVerdict sb = baseline.discover == null ? null : ScreeningVerdict.of(baseline.discover, baseline.localizers());
        out.add(new Row("screening: categories no localizer names", novel(sa), novel(sb), sa == null ? Double.NaN : sa.novel().size(),
                sb == null ? Double.NaN : sb.novel().size()));
        return out;
    }

    /** The base model's architecture, as the topographic training recorded it. */
    static String architecture(RunFolder run) {
        for (var c : List.of(run.cortical.topo(), run.cortical.control())) {
            if (c != null && c.hasNonNull("architecture")) return c.get("architecture").asText();
        }
        return "unknown architecture";
    }

    private static Row fraction(String measure, double a, double b) {
        return new Row(measure, Double.isNaN(a) ? "not run" : pct(a), Double.isNaN(b) ? "not run" : pct(b), a, b);
    }

    private static double category(PretrainMetrics p, String category) {
        if (p == null || p.accuracyByCategory() == null) return Double.NaN;
        Double v = p.accuracyByCategory().get(category);
        return v == null ? Double.NaN : v;
    }

    private static Map<String, IslandRow> byContrast(List<IslandRow> rows) {
        Map<String, IslandRow> m = new LinkedHashMap<>();
        for (IslandRow r : rows) if (r.inTopo()) m.put(r.contrast(), r);
        return m;
    }

    private static Map<String, Double> profiles(RunFolder run) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (run.localize.topo() == null) return m;
        run.localize.topo().profiles().byContrast().forEach((c, p) -> {
            if (p.humanRoi() != null && !Double.isNaN(p.pearsonR())) m.put(p.humanRoi(), p.pearsonR());
        });
        return m;
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.LinkedHashSet<String> u = new java.util.LinkedHashSet<>(a);
        u.addAll(b);
        return List.copyOf(u);
    }

    private static PerturbCurves faces(RunFolder run) {
        PerturbationSummary p = run.perturb.topo();
        if (p == null) return null;
        return PerturbCurves.of(p).get("faces");
    }

    private static double bestDrive(PerturbCurves c) {
        if (c == null) return Double.NaN;
        int i = c.bestDrive(Targets.DRIVE_MAX_COVERAGE);
        return i < 0 ? Double.NaN : c.drive()[i];
    }

    private static double drop(PerturbCurves c) {
        if (c == null) return Double.NaN;
        int i = c.at(Targets.SUPPRESS_COVERAGE);
        return i < 0 ? Double.NaN : c.suppressDrop(i);
    }

    private static String novel(ScreeningVerdict v) {
        if (v == null) return "not run";
        return v.novel().isEmpty() ? "none" : esc(String.join(", ", v.novel()));
    }
}
