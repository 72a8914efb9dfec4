package org.topoomni.report;

import org.topoomni.results.LocalizerSummary;
import org.topoomni.results.ProfileSummary;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static org.topoomni.report.Html.esc;
import static org.topoomni.report.Html.num;
import static org.topoomni.report.Html.td;

/** Response profiles of the most selective units against the human fROIs, with the paper's correlations. */
final class ProfileSection {

    private ProfileSection() {
    }

    static String html(RunFolder run) throws IOException {
        StringBuilder sb = new StringBuilder(Section.start("profiles", "Response profiles vs human brain regions",
                "for each contrast, the most selective units' responses to the ten localizer conditions, correlated with the responses of "
                        + "the matching human brain region (fROI) to the same conditions. r near 1 = the model's region responds like the human one."));
        LocalizerSummary lt = run.localize.topo(), lc = run.localize.control();
        if (lt == null && lc == null) {
            return Section.closedNotRun(sb, "The localizers were not run, so there are no profiles.");
        }
        Map<String, ProfileSummary> pt = lt == null ? null : lt.profiles().byContrast(), pc = lc == null ? null : lc.profiles().byContrast();
        Set<String> names = new LinkedHashSet<>();
        if (pt != null) names.addAll(pt.keySet());
        if (pc != null) names.addAll(pc.keySet());
        sb.append("<table><tr><th>contrast</th><th class=\"l\">human fROI</th><th>r topographic</th><th>r control</th><th>paper r</th><th>units (topo)</th></tr>\n");
        int shown = 0;
        for (String n : names) {
            ProfileSummary a = pt == null ? null : pt.get(n), b = pc == null ? null : pc.get(n);
            ProfileSummary any = a != null && a.humanRoi() != null ? a : b;
            String roi = any == null ? null : any.humanRoi();
            if (roi == null) continue; // no human counterpart (voice, music...)
            double paper = any.paperR();
            sb.append("<tr>").append(td(esc(n))).append("<td class=\"l\">").append(esc(roi)).append("</td>").append(td(r(a))).append(td(r(b)))
                    .append(td(Double.isNaN(paper) ? "<span class=\"muted\">not reported</span>" : num(paper, 2)))
                    .append(td(a == null || !a.measured() ? "" : String.valueOf(a.nUnits()))).append("</tr>\n");
            shown++;
        }
        sb.append("<tr class=\"ref\"><td colspan=\"4\">paper, ten categories (range, mean)</td><td>").append(num(PaperValues.TEN_MIN_R, 2)).append("&ndash;")
                .append(num(PaperValues.TEN_MAX_R, 2)).append(" (").append(num(PaperValues.TEN_MEAN_R, 2)).append(")</td><td></td></tr>\n</table>\n");
        if (shown == 0) {
            String why = lt != null && lt.profiles().skipped() != null ? lt.profiles().skipped() : "no contrast has a human counterpart in this run";
            sb.append(Section.notRun("No profile was measured: " + esc(why) + "."));
        }
        sb.append("<p class=\"note\">Sources: ").append(esc(PaperValues.PROFILE_SOURCE)).append(". The paper gives no target for these; "
                + "they are shown uncoloured. Units: the top 1% of the region's units by t (10% for cognitive contrasts), chosen on even runs, "
                + "measured on odd runs.</p>\n");
        sb.append("<div class=\"pair\">");
        for (String m : RunFolder.MODELS) {
            sb.append(Section.image(run, "localize/" + m + "/profiles.png", Section.PAIR_WIDTH, m + " response profiles", Section.modelName(m)));
        }
        return sb.append("</div>\n").append(Section.end()).toString();
    }

    /** A profile's r for a table cell: "not run", "skipped", "n/a" (undefined) or the value. */
    private static String r(ProfileSummary p) {
        if (p == null) return "not run";
        if (!p.measured()) return "<span class=\"muted\">skipped</span>";
        return Double.isNaN(p.pearsonR()) ? "n/a" : num(p.pearsonR(), 2);
    }
}
