package org.topoomni.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.topoomni.report.Html.esc;

/** What every section of the report shares: its opening (title and a plain-language "What this shows"), "Not run", embedded figures. */
final class Section {

    private Section() {
    }

    /** Widths (pixels) images are scaled down to before embedding: paired figures, gallery tiles, full-width figures. */
    static final int PAIR_WIDTH = 1000, TILE_WIDTH = 640, FULL_WIDTH = 1400;

    static String start(String id, String title, String what) {
        return "<section id=\"" + id + "\">\n<h2>" + title + "</h2>\n<p class=\"what\"><b>What this shows:</b> " + what + "</p>\n";
    }

    static String end() {
        return "</section>\n";
    }

    static String notRun(String what) {
        return "<p class=\"notrun\"><b>Not run.</b> " + what + "</p>\n";
    }

    /** The section so far, closed with "Not run" and why: for a section whose stage left nothing. */
    static String closedNotRun(StringBuilder section, String what) {
        return section.append(notRun(what)).append(end()).toString();
    }

    /** A figure of the run folder, embedded; a line saying it is missing when it is. */
    static String image(RunFolder run, String relative, int maxWidth, String alt, String caption) throws IOException {
        Path p = run.path(relative);
        if (!Files.isRegularFile(p)) return "<p class=\"notrun\">No figure: <code>" + esc(relative) + "</code> is missing.</p>\n";
        return Html.figure(Html.dataUri(p, maxWidth), alt, caption) + "\n";
    }

    /** "topographic" or "control": how the report names a model's figures. */
    static String modelName(String model) {
        return model.equals("topo") ? "topographic" : "control";
    }
}
