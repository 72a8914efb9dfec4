package org.topoomni.report;

import org.topoomni.plot.SheetMapFigure;
import org.topoomni.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;

import org.topoomni.io.Csv;
import org.topoomni.io.Json;
import org.topoomni.io.LayoutJson;
import org.topoomni.map.MapFiles;
import org.topoomni.map.SelectivityMap;
import org.topoomni.sheet.SheetLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Compares two localizer output folders (A, e.g. the topographic model, and B, e.g. its
 * control): for every contrast in both, a side-by-side map with shared colour limits and a row of
 * a table with island Moran's I, island counts and significant units. The table's last column
 * says whether A shows the paper's pattern against B: I(A) &gt;= 0.5, I(A) &gt;= 3 I(B), and fewer
 * islands in A (paper, voice contrast: 0.59 vs 0.13 with 29 vs 120 islands).
 */
public final class RunComparison {

    private RunComparison() {
    }

    /** One contrast's numbers in both runs. */
    public record Row(String contrast, double iA, double iB, int islandsA, int islandsB, int sigIslandsA, int sigIslandsB,
                      int significantA, int significantB) {
        /** I(A) / I(B), NaN when undefined. */
        public double ratio() {
            return Double.isNaN(iA) || Double.isNaN(iB) || iB <= 0 ? Double.NaN : iA / iB;
        }

        /** I(A) &gt;= 0.5, I(A) &gt;= 3 I(B) (or B has no islands), and fewer islands in A. */
        public boolean papersPattern() {
            return Targets.islandPattern(iA, iB, islandsA, islandsB);
        }
    }

    /** Reads both runs, writes DIR/&lt;contrast&gt;.png, comparison.csv and comparison.md; returns the rows. */
    public static List<Row> run(Path a, Path b, String labelA, String labelB, Path out) throws IOException {
        JsonNode sa = Json.read(summaryOf(a)), sb = Json.read(summaryOf(b));
        SheetLayout la = LayoutJson.read(layoutOf(a)), lb = LayoutJson.read(layoutOf(b));
        if (la.rows() != lb.rows() || la.cols() != lb.cols()) {
            throw new IllegalArgumentException("the runs have different sheets: " + a + " is " + la.rows() + " x " + la.cols() + ", " + b
                    + " is " + lb.rows() + " x " + lb.cols());
        }
        JsonNode ca = sa.get("contrasts"), cb = sb.get("contrasts");
        if (ca == null || cb == null) throw new IllegalArgumentException("a summary.json has no \"contrasts\"");
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = ca.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (cb.has(n)) names.add(n);
        }
        if (names.isEmpty()) throw new IllegalArgumentException("the runs " + a + " and " + b + " share no contrast");
        Files.createDirectories(out);
        String modelA = text(sa, "model", labelA), modelB = text(sb, "model", labelB);
        List<Row> rows = new ArrayList<>();
        for (String n : names) {
            SelectivityMap ma = MapFiles.readSelectivity(a.resolve(n), la), mb = MapFiles.readSelectivity(b.resolve(n), lb);
            rows.add(new Row(n, ma.islands().meanI(), mb.islands().meanI(), ma.islands().nIslands(), mb.islands().nIslands(),
                    ma.islands().nSignificantIslands(), mb.islands().nSignificantIslands(), ma.nSignificant(), mb.nSignificant()));
            AtomicFiles.writePng(out.resolve(n + ".png"), SheetMapFigure.sideBySide(ma.figure(), panelLabel(labelA, modelA), mb.figure(),
                    panelLabel(labelB, modelB), n + " localizer: " + labelA + " vs " + labelB));
        }
        AtomicFiles.writeString(out.resolve("comparison.csv"), csv(rows, labelA, labelB));
        AtomicFiles.writeString(out.resolve("comparison.md"), markdown(rows, labelA, labelB));
        return rows;
    }

    /** "label (model)", or just the label when the model has the same name. */
    static String panelLabel(String label, String model) {
        return model.equals(label) ? label : label + " (" + model + ")";
    }

    private static Path summaryOf(Path run) {
        if (!Files.isDirectory(run)) throw new IllegalArgumentException("no localize output folder at " + run);
        Path s = run.resolve("summary.json");
        if (!Files.isRegularFile(s)) throw new IllegalArgumentException(run + " is not a localize output folder (no summary.json)");
        return s;
    }

    private static Path layoutOf(Path run) {
        Path s = run.resolve("layout.json");
        if (!Files.isRegularFile(s)) throw new IllegalArgumentException(run + " has no layout.json (written by localize)");
        return s;
    }

    private static String text(JsonNode n, String key, String dflt) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    static String csv(List<Row> rows, String la, String lb) {
        StringBuilder sb = new StringBuilder();
        sb.append("contrast,morans_i_").append(la).append(",morans_i_").append(lb).append(",ratio,n_islands_").append(la)
                .append(",n_islands_").append(lb).append(",n_significant_islands_").append(la).append(",n_significant_islands_").append(lb)
                .append(",n_significant_").append(la).append(",n_significant_").append(lb).append(",papers_pattern\n");
        for (Row r : rows) {
            sb.append(Csv.quote(r.contrast())).append(',').append(f(r.iA())).append(',').append(f(r.iB())).append(',').append(f(r.ratio()))
                    .append(',').append(r.islandsA()).append(',').append(r.islandsB()).append(',').append(r.sigIslandsA()).append(',')
                    .append(r.sigIslandsB()).append(',').append(r.significantA()).append(',').append(r.significantB()).append(',')
                    .append(r.papersPattern()).append('\n');
        }
        return sb.toString();
    }

    public static String markdown(List<Row> rows, String la, String lb) {
        StringBuilder sb = new StringBuilder();
        sb.append("| contrast | Moran's I ").append(la).append(" | Moran's I ").append(lb).append(" | ratio | islands ").append(la)
                .append(" | islands ").append(lb).append(" | signif. islands ").append(la).append(" / ").append(lb)
                .append(" | significant units ").append(la).append(" / ").append(lb).append(" | I >= 0.5, >= 3x, fewer islands |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.contrast()).append(" | ").append(f3(r.iA())).append(" | ").append(f3(r.iB())).append(" | ")
                    .append(Double.isNaN(r.ratio()) ? "n/a" : String.format(Locale.ROOT, "%.1fx", r.ratio())).append(" | ")
                    .append(r.islandsA()).append(" | ").append(r.islandsB()).append(" | ").append(r.sigIslandsA()).append(" / ")
                    .append(r.sigIslandsB()).append(" | ").append(String.format(Locale.ROOT, "%,d / %,d", r.significantA(), r.significantB()))
                    .append(" | ").append(r.papersPattern() ? "yes" : "no").append(" |\n");
        }
        sb.append('\n').append(PaperValues.voiceIslandsLine()).append('\n');
        return sb.toString();
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
