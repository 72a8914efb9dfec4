package org.topoomni.report;

import java.util.List;
import java.util.Locale;

import static org.topoomni.report.Html.esc;
import static org.topoomni.report.Html.num;
import static org.topoomni.report.Html.td;

/** Island Moran's I of every localizer contrast in both models, against the paper's and the human brain's values. */
final class IslandSection {

    private IslandSection() {
    }

    /**
     * The island Moran's I for a table cell: the value, "none" (no islands) or "not run". With no
     * significant unit at all, the peak's t and q say how far the contrast is from the threshold.
     */
    private static String iCell(double i, int n, int units, double[] peak) {
        if (n < 0) return "not run";
        if (!Double.isNaN(i)) return num(i, 3);
        String none = "<span class=\"muted\">none</span>";
        if (units != 0 || Double.isNaN(peak[0])) return none;
        return none + "<br><span class=\"muted\">no unit passes; peak t " + num(peak[0], 1)
                + (Double.isNaN(peak[1]) ? "" : ", q " + Html.sig(peak[1])) + "</span>";
    }

    static String html(List<IslandRow> rows) {
        StringBuilder sb = new StringBuilder(Section.start("islands", "Island Moran's I: are the selective patches smooth?",
                "for every localizer contrast, how smooth each patch of significant units (an island) is: near 1 = one smooth blob, "
                        + "near 0 = salt-and-pepper. A topographic model should show higher values and fewer islands than its control, as in the "
                        + "paper and in the human brain (table foot)."));
        if (rows.isEmpty()) {
            return Section.closedNotRun(sb, "No localize/topo/summary.json or localize/control/summary.json: the localizers were not run.");
        }
        sb.append("<table><tr><th>contrast</th><th class=\"l\">region</th><th>island Moran's I<br>topographic</th><th>islands<br>(significant)</th>"
                + "<th>island Moran's I<br>control</th><th>islands<br>(significant)</th><th>significant units<br>topo / control</th>"
                + "<th>target: I &ge; " + num(Targets.ISLAND_I, 1) + ", &ge; " + num(Targets.ISLAND_RATIO, 0) + "&times; control, fewer islands</th></tr>\n");
        for (IslandRow r : rows) {
            Status s = Verdicts.island(r);
            String target = s == Status.NONE ? "<span class=\"muted\">no target</span>" : s.word
                    + (r.contrast().equals("voice") || r.contrast().equals("speech") ? " <span class=\"muted\">(voice or speech)</span>" : "")
                    + (s == Status.FAIL && r.inControl() && r.nControl() == 1 && r.nTopo() >= 1
                    ? "<br><span class=\"muted\">the control has one island: no map with an island has fewer</span>" : "");
            sb.append("<tr><td><a href=\"#map-").append(esc(r.contrast())).append("\">").append(esc(r.contrast())).append("</a></td>")
                    .append("<td class=\"l\">").append(esc(r.region())).append("</td>").append(td(iCell(r.iTopo(), r.nTopo(), r.unitsTopo(), r.peakTopo())))
                    .append(td(r.inTopo() ? r.nTopo() + " (" + r.sigTopo() + ")" : "")).append(td(iCell(r.iControl(), r.nControl(), r.unitsControl(), r.peakControl())))
                    .append(td(r.inControl() ? r.nControl() + " (" + r.sigControl() + ")" : ""))
                    .append(td((r.inTopo() ? String.format(Locale.ROOT, "%,d", r.unitsTopo()) : "&ndash;") + " / "
                            + (r.inControl() ? String.format(Locale.ROOT, "%,d", r.unitsControl()) : "&ndash;")))
                    .append(td(target, s)).append("</tr>\n");
        }
        sb.append("<tr class=\"ref\"><td colspan=\"2\">paper, voice contrast</td><td>").append(num(PaperValues.VOICE_TOPO_I, 3)).append("</td><td>")
                .append(PaperValues.VOICE_TOPO_ISLANDS).append("</td><td>").append(num(PaperValues.VOICE_CONTROL_I, 3)).append("</td><td>")
                .append(PaperValues.VOICE_CONTROL_ISLANDS).append("</td><td colspan=\"2\" class=\"src\">").append(esc(PaperValues.ISLAND_SOURCE))
                .append("</td></tr>\n");
        sb.append("<tr class=\"ref\"><td colspan=\"2\">human brain, voice localizer</td><td>").append(num(PaperValues.HUMAN_LH_I, 3))
                .append(" (left)<br>").append(num(PaperValues.HUMAN_RH_I, 3)).append(" (right)</td><td>").append(PaperValues.HUMAN_LH_ISLANDS)
                .append("<br>").append(PaperValues.HUMAN_RH_ISLANDS).append("</td><td>&ndash;</td><td>&ndash;</td><td colspan=\"2\" class=\"src\">")
                .append(esc(PaperValues.HUMAN_SOURCE)).append("</td></tr>\n</table>\n");
        sb.append("<p class=\"note\">Islands: connected groups of at least 8 significant units (q &lt; 0.001, t &gt; 0) inside the contrast's region; "
                + "Moran's I of the t values within each island, averaged over islands; \"significant\" islands have a permutation p &lt; 0.05 "
                + "(999 permutations). \"none\": no group of significant units is large enough to be an island.</p>\n");
        return sb.append(Section.end()).toString();
    }
}
