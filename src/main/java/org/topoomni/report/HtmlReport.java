package org.topoomni.report;

import org.topoomni.io.AtomicFiles;
import org.topoomni.results.PerturbationSummary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.topoomni.report.Html.esc;

/**
 * The report of a demo run: one self-contained HTML file, {@code OUT/report.html}, that a person
 * can read offline or receive by mail. No scripts, no fonts or styles from elsewhere; every figure
 * is embedded as a PNG data URI.
 *
 * <p>This class only assembles: {@link RunFolder} reads the run into typed results,
 * {@link Verdicts} (and {@link ScreeningVerdict}) decide every verdict, one class per section lays
 * out its part, and the page skeleton and style are resources beside this class
 * ({@code page.html}, {@code report.css}). On top: the headline numbers and the paper's effects,
 * reproduced or not; then a section per result, each opened by one plain-language line saying
 * what it shows. A stage whose outputs are absent is reported as not run; no number is ever
 * filled in. Published numbers come from {@link PaperValues}, targets from {@link Targets}.
 */
public final class HtmlReport {

    /** The report's file name inside the run folder. */
    public static final String FILE = "report.html";

    private HtmlReport() {
    }

    /**
     * Writes {@code runDir/report.html} from whatever stages the demo folder holds and returns its
     * path. {@code versions} are lines such as "topo-omni 0.1.0" (the command line passes its own);
     * the Java runtime is added.
     *
     * @throws IllegalArgumentException when {@code runDir} is not a demo output folder or one of its
     *                                  summaries cannot be read (the message names the file)
     */
    public static Path write(Path runDir, String... versions) throws IOException {
        return write(runDir, null, versions);
    }

    /**
     * As {@link #write(Path, String...)}, with a section that sets this run beside a baseline demo
     * run ({@code baselineDir}, e.g. the same demo on the from-scratch TinyOmni; null: none).
     */
    public static Path write(Path runDir, Path baselineDir, String... versions) throws IOException {
        String html = render(runDir, baselineDir, versions);
        Path out = runDir.resolve(FILE);
        AtomicFiles.writeString(out, html);
        return out;
    }

    /** The report's HTML text. */
    static String render(Path runDir, String... versions) throws IOException {
        return render(runDir, null, versions);
    }

    static String render(Path runDir, Path baselineDir, String... versions) throws IOException {
        RunFolder run = new RunFolder(runDir);
        RunFolder baseline = baselineDir == null ? null : new RunFolder(baselineDir);
        List<String> vs = versions == null ? List.of() : List.of(versions);
        List<IslandRow> islands = IslandRow.of(run.localize.topo(), run.localize.control());
        Map<String, Map<String, PerturbCurves>> perturb = new LinkedHashMap<>();
        for (String m : RunFolder.MODELS) {
            PerturbationSummary p = run.perturb.get(m);
            if (p != null) perturb.put(m, PerturbCurves.of(p));
        }
        ScreeningVerdict screening = run.discover == null ? null : ScreeningVerdict.of(run.discover, run.localizers());

        // the headline table first; the layout that explains the maps just above them
        String sections = IslandSection.html(islands) + LayoutSection.html(run) + MapsSection.html(run, islands) + ProfileSection.html(run)
                + RetinotopySection.html(run) + PerturbSection.html(run, perturb) + ScreeningSection.html(run, screening)
                + BaselineSection.html(run, baseline) + TrainingSection.html(run) + PretrainSection.html(run) + RunSection.html(run, vs);
        String header = Checklist.html(run, HeadlineCards.html(run, islands, perturb), Verdicts.checks(run, islands, perturb, screening));

        Path abs = run.dir.toAbsolutePath().normalize();
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("folder", esc(abs.getFileName() == null ? "" : abs.getFileName().toString()));
        slots.put("css", resource("report.css"));
        slots.put("header", header);
        slots.put("sections", sections);
        slots.put("written", esc(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        slots.put("path", esc(abs.toString()));
        return fill(resource("page.html"), slots);
    }

    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");

    /** The template with every {{slot}} replaced by its text, in one pass (a slot's text is never scanned for slots). */
    static String fill(String template, Map<String, String> slots) {
        Matcher m = SLOT.matcher(template);
        StringBuilder sb = new StringBuilder(template.length() + slots.values().stream().mapToInt(String::length).sum());
        while (m.find()) {
            String v = slots.get(m.group(1));
            if (v == null) throw new IllegalStateException("the report template has a slot {{" + m.group(1) + "}} that nothing fills");
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A text resource beside this class (the page skeleton, the style). */
    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the report's " + name + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
