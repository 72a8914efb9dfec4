package org.topoomni.report;

import org.topoomni.map.MapFiles;
import org.topoomni.plot.SheetMapFigure;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.topoomni.report.Html.badge;
import static org.topoomni.report.Html.esc;

/** Every contrast's selectivity map, topographic model and control side by side. */
final class MapsSection {

    private MapsSection() {
    }

    static String html(RunFolder run, List<IslandRow> rows) throws IOException {
        StringBuilder sb = new StringBuilder(Section.start("maps", "Selectivity maps: topographic model vs control",
                "for every localizer contrast, where on the sheet units respond more to the ON stimuli than to the OFF stimuli (red; Welch t). "
                        + "Units that pass the statistics (q &lt; 0.001) keep full colour, the rest are dimmed; islands are outlined in black; "
                        + "grey cells never respond to these stimuli. Left: topographic model; right: control, on the same colour scale."));
        if (rows.isEmpty()) {
            return Section.closedNotRun(sb, "The localizers were not run (no localize/topo/summary.json or localize/control/summary.json).");
        }
        for (IslandRow r : rows) {
            Status s = Verdicts.island(r);
            sb.append("<div class=\"contrast\" id=\"map-").append(esc(r.contrast())).append("\"><h3>").append(esc(r.contrast()))
                    .append(" <small>").append(esc(r.label())).append("</small> ").append(badge(s)).append("</h3>\n");
            sb.append("<p class=\"line\">topographic: ").append(IslandRow.text(r.iTopo(), r.nTopo())).append(" &middot; control: ")
                    .append(IslandRow.text(r.iControl(), r.nControl())).append("</p>\n");
            String cmp = "compare/" + r.contrast() + ".png";
            if (run.exists(cmp)) {
                sb.append(Section.image(run, cmp, Section.FULL_WIDTH, r.contrast() + ": topographic vs control", null));
            } else if (r.inTopo() && r.inControl() && run.layout != null && Files.isDirectory(run.path("localize/topo/" + r.contrast()))
                    && Files.isDirectory(run.path("localize/control/" + r.contrast()))) {
                var a = MapFiles.readSelectivity(run.path("localize/topo/" + r.contrast()), run.layout);
                var b = MapFiles.readSelectivity(run.path("localize/control/" + r.contrast()), run.layout);
                sb.append(Html.figure(Html.dataUri(SheetMapFigure.sideBySide(a.figure(), "topographic", b.figure(), "control",
                        r.contrast() + " localizer: topographic vs control")), r.contrast() + ": topographic vs control", null));
            } else {
                for (String m : RunFolder.MODELS) {
                    String one = "localize/" + m + "/" + r.contrast() + "/map.png";
                    if (run.exists(one)) sb.append(Section.image(run, one, Section.FULL_WIDTH, r.contrast() + ": " + m, null));
                    else sb.append("<p class=\"notrun\">No ").append(m).append(" map: <code>").append(esc(one)).append("</code> is missing.</p>\n");
                }
            }
            sb.append("</div>\n");
        }
        return sb.append(Section.end()).toString();
    }
}
