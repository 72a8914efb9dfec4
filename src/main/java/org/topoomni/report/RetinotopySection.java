package org.topoomni.report;

import org.topoomni.plot.SheetMapFigure;
import org.topoomni.results.LocalizerSummary;
import org.topoomni.results.PreferenceSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.topoomni.report.Html.esc;

/** Retinotopy and tonotopy: the preferred wedge, ring or tone of every significant unit, both models. */
final class RetinotopySection {

    private RetinotopySection() {
    }

    static String html(RunFolder run) throws IOException {
        StringBuilder sb = new StringBuilder(Section.start("retinotopy", "Retinotopy and tonotopy",
                "which wedge position, ring size or tone frequency each significant unit prefers (one-way ANOVA over the conditions). "
                        + "Colours changing smoothly across the sheet = an orderly map, like early visual and auditory cortex; a speckle = none."));
        boolean any = false;
        for (String d : List.of("retinotopy_angle", "retinotopy_eccentricity", "tonotopy")) {
            boolean t = run.exists("localize/topo/" + d + "/map.png"), c = run.exists("localize/control/" + d + "/map.png");
            if (!t && !c) continue;
            any = true;
            PreferenceSummary mt = design(run.localize.topo(), d), mc = design(run.localize.control(), d);
            String title = mt != null ? mt.title() : mc != null ? mc.title() : null;
            Path pt = run.path("localize/topo/" + d), pc = run.path("localize/control/" + d);
            if (run.layout != null && Files.isRegularFile(pt.resolve("preferred.npy")) && Files.isRegularFile(pc.resolve("preferred.npy"))) {
                // the figure carries the title and both counts
                var a = PreferenceMaps.read(pt, run.layout);
                var b = PreferenceMaps.read(pc, run.layout);
                sb.append(Html.figure(Html.dataUri(SheetMapFigure.preferenceSideBySide(a.figure(), "topographic", b.figure(), "control", a.design().title())),
                        d + ": topographic vs control", null));
            } else {
                sb.append("<h3>").append(esc(title == null ? d : title)).append("</h3>\n<p class=\"line\">significant units: topographic ")
                        .append(mt == null ? "not run" : String.format(Locale.ROOT, "%,d", mt.nSignificant())).append(" &middot; control ")
                        .append(mc == null ? "not run" : String.format(Locale.ROOT, "%,d", mc.nSignificant())).append("</p>\n");
                sb.append("<div class=\"pair\">");
                for (String m : RunFolder.MODELS) {
                    sb.append(Section.image(run, "localize/" + m + "/" + d + "/map.png", Section.PAIR_WIDTH, m + " " + d, Section.modelName(m)));
                }
                sb.append("</div>\n");
            }
        }
        if (!any) sb.append(Section.notRun("No retinotopy_angle, retinotopy_eccentricity or tonotopy maps in localize/topo or localize/control "
                + "(the localizers were not run, or the library has no wedge, ring or tone stimuli)."));
        return sb.append(Section.end()).toString();
    }

    private static PreferenceSummary design(LocalizerSummary l, String name) {
        return l == null ? null : l.maps().get(name);
    }
}
