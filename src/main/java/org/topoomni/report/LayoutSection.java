package org.topoomni.report;

import org.topoomni.plot.SheetMapFigure;

/** The cortical sheet: where every stack and layer sits, so that the maps below can be read. */
final class LayoutSection {

    private LayoutSection() {
    }

    static String html(RunFolder run) {
        StringBuilder sb = new StringBuilder(Section.start("layout", "The cortical sheet",
                "every unit of the model sits in one cell of a single sheet: the vision and audio stacks side by side on top, the language "
                        + "stack below, each layer a band of rows. Every map in this report is drawn on this sheet."));
        if (run.layout == null) {
            sb.append(Section.notRun("No localize/topo/layout.json or localize/control/layout.json: the localizers were not run, so the sheet is not recorded."));
        } else {
            sb.append(Html.figure(Html.dataUri(SheetMapFigure.layout(run.layout, "Sheet layout")), "sheet layout", null));
        }
        return sb.append(Section.end()).toString();
    }
}
