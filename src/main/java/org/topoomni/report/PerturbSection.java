package org.topoomni.report;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.topoomni.report.Html.esc;
import static org.topoomni.report.Html.pct;
import static org.topoomni.report.Html.td;

/** Driving and suppressing each category's cluster, both models: the rates at the targets' coverages, the specificity, the curves. */
final class PerturbSection {

    private PerturbSection() {
    }

    static String html(RunFolder run, Map<String, Map<String, PerturbCurves>> perturb) throws IOException {
        StringBuilder sb = new StringBuilder(Section.start("perturb", "Perturbation: drive and suppress a category's cluster",
                "adding a category's typical activity to its cluster (drive) should make the model report that category on images of other "
                        + "categories; removing it (suppress) should make it miss the category while the others stay intact. Random masks of the "
                        + "same size are the null: they should do little."));
        if (perturb.isEmpty()) {
            return Section.closedNotRun(sb, "This run folder has no perturb/topo/summary.json or perturb/control/summary.json, so there are no perturbation numbers.");
        }
        for (String m : RunFolder.MODELS) {
            Map<String, PerturbCurves> curves = perturb.get(m);
            sb.append("<h3>").append(m.equals("topo") ? "Topographic model" : "Control").append("</h3>\n");
            if (curves == null) {
                sb.append(Section.notRun("No perturb/" + m + "/summary.json."));
                continue;
            }
            sb.append("<table><tr><th>category</th><th>no intervention:<br>named on other images</th><th>drive: best rate at &le; ")
                    .append(pct(Targets.DRIVE_MAX_COVERAGE)).append("<br>cluster (coverage)</th><th>drive:<br>random mask</th>")
                    .append("<th>no intervention:<br>identified</th><th>suppress ").append(pct(Targets.SUPPRESS_COVERAGE))
                    .append(":<br>category</th><th>suppress ").append(pct(Targets.SUPPRESS_COVERAGE)).append(":<br>other categories</th><th>suppress ")
                    .append(pct(Targets.SUPPRESS_COVERAGE)).append(":<br>random mask</th></tr>\n");
            for (PerturbCurves c : curves.values()) {
                int z = c.at(0), d = c.bestDrive(Targets.DRIVE_MAX_COVERAGE), s = c.at(Targets.SUPPRESS_COVERAGE);
                boolean target = m.equals("topo") && c.category().equals(Targets.PERTURB_CATEGORY);
                Status sup = target ? Verdicts.suppress(c) : Status.NONE;
                sb.append("<tr>").append(td(esc(c.category())))
                        .append(td(z < 0 ? "n/a" : pct(c.drive()[z])))
                        .append(d < 0 ? td("n/a") : target ? td(pct(c.drive()[d]) + " (" + pct(c.coverage()[d]) + ")", Verdicts.drive(c))
                                : td(pct(c.drive()[d]) + " (" + pct(c.coverage()[d]) + ")"))
                        .append(td(d < 0 ? "n/a" : pct(c.randomDrive()[d])))
                        .append(td(z < 0 ? "n/a" : pct(c.suppress()[z])));
                String own = s < 0 ? "n/a" : pct(c.suppress()[s]) + " (" + Html.points(-c.suppressDrop(s)) + ")";
                String other = s < 0 ? "n/a" : pct(c.suppressOther()[s]) + " (" + Html.points(-c.otherDrop(s)) + ")";
                if (sup == Status.PASS || sup == Status.FAIL) sb.append(td(own, sup)).append(td(other, sup));
                else sb.append(td(own)).append(td(other));
                sb.append(td(s < 0 ? "n/a" : pct(c.randomSuppress()[s]) + " (" + Html.points(-c.randomSuppressDrop(s)) + ")")).append("</tr>\n");
            }
            sb.append("</table>\n");
            sb.append(specificity(curves));
            sb.append(Section.image(run, "perturb/" + m + "/curves.png", Section.FULL_WIDTH, m + " dose-response curves", null));
        }
        sb.append("<p class=\"note\">Coverage: the fraction of the vision stack's units in the mask (the top units by t from the even-run localizer). "
                + "Rates are fractions of held-out images whose answer names the category. Coloured cells: the face targets of the perturbation check.</p>\n");
        return sb.append(Section.end()).toString();
    }

    /**
     * Which other categories a suppression hits: per suppressed category, each other category's
     * identification before and at the target coverage, cluster and random masks. Empty for
     * summaries without the split.
     */
    private static String specificity(Map<String, PerturbCurves> curves) {
        Set<String> others = new TreeSet<>();
        for (PerturbCurves c : curves.values()) others.addAll(c.otherByCategory().keySet());
        if (others.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("<p class=\"line\">Specificity: identification of each other category before &rarr; while the "
                + "row's cluster is suppressed at " + pct(Targets.SUPPRESS_COVERAGE) + " (random mask of the same size in brackets).</p>\n");
        sb.append("<table><tr><th>suppressed</th>");
        for (String y : others) sb.append("<th>").append(esc(y)).append("</th>");
        sb.append("</tr>\n");
        for (PerturbCurves c : curves.values()) {
            int z = c.at(0), s = c.at(Targets.SUPPRESS_COVERAGE);
            sb.append("<tr>").append(td(esc(c.category())));
            for (String y : others) {
                double[] a = c.otherByCategory().get(y), r = c.randomOtherByCategory().get(y);
                sb.append(td(a == null || z < 0 || s < 0 ? "" : pct(a[z]) + " &rarr; " + pct(a[s]) + (r == null ? "" : " (" + pct(r[s]) + ")")));
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }
}
