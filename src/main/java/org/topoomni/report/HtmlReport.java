package org.topoomni.report;

import org.topoomni.plot.SheetMapFigure;
import com.fasterxml.jackson.databind.JsonNode;
import org.topoomni.io.AtomicFiles;
import org.topoomni.map.MapFiles;
import org.topoomni.report.Html.Status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.topoomni.report.Html.badge;
import static org.topoomni.report.Html.esc;
import static org.topoomni.report.Html.num;
import static org.topoomni.report.Html.pct;
import static org.topoomni.report.Html.td;
import static org.topoomni.report.RunFolder.integer;
import static org.topoomni.report.RunFolder.text;

/**
 * The report of a demo run: one self-contained HTML file, {@code OUT/report.html}, that a person
 * can read offline or receive by mail. No scripts, no fonts or styles from elsewhere; every figure
 * is embedded as a PNG data URI.
 *
 * <p>On top: five headline numbers and the issue targets, each green or red where a target exists.
 * Then a section per result (sheet layout, island Moran's I against the paper and the human brain,
 * every contrast's topographic and control maps side by side, response profiles against human
 * fROIs, retinotopy and tonotopy, perturbation, discovered clusters, training, pretraining, and the
 * run's settings, versions and timings), each opened by one plain-language line saying what it
 * shows. A stage whose outputs are absent is reported as not run; no number is ever filled in.
 *
 * <p>The published numbers come from {@link PaperValues}, the targets from {@link Targets}.
 */
public final class HtmlReport {

    /** The report's file name inside the run folder. */
    public static final String FILE = "report.html";

    /** Widths (pixels) images are scaled down to before embedding: paired figures, gallery tiles. */
    static final int PAIR_WIDTH = 1000, TILE_WIDTH = 640, FULL_WIDTH = 1400;

    private final RunFolder run;
    private final List<String> versions;
    private final List<Check> checks = new ArrayList<>();

    /** One issue target and how this run did. */
    record Check(String target, String result, Status status, String section) {}

    /** One contrast's island numbers in both models (NaN / -1 where a model lacks the contrast). */
    record IslandRow(String contrast, String label, String region, double iTopo, int nTopo, int sigTopo, int unitsTopo,
                     double iControl, int nControl, int sigControl, int unitsControl, double[] peakTopo, double[] peakControl) {
        boolean inTopo() {
            return nTopo >= 0;
        }

        boolean inControl() {
            return nControl >= 0;
        }

        /** The island target's verdict; NONE for contrasts without a target. */
        Status status() {
            if (!Targets.hasIslandTarget(contrast)) return Status.NONE;
            if (!inTopo() || !inControl()) return Status.MISSING;
            return Status.of(Targets.islandPattern(iTopo, iControl, nTopo, nControl));
        }
    }

    private HtmlReport(RunFolder run, List<String> versions) {
        this.run = run;
        this.versions = versions;
    }

    /**
     * Writes {@code runDir/report.html} from whatever stages the demo folder holds and returns its
     * path. {@code versions} are lines such as "topo-omni 0.1.0" (the command line passes its own);
     * versions recorded in results.json and the Java runtime are added.
     *
     * @throws IllegalArgumentException when {@code runDir} is not a demo output folder or one of its
     *                                  summaries cannot be read (the message names the file)
     */
    public static Path write(Path runDir, String... versions) throws IOException {
        String html = render(runDir, versions);
        Path out = runDir.resolve(FILE);
        AtomicFiles.writeString(out, html);
        return out;
    }

    /** The report's HTML text. */
    static String render(Path runDir, String... versions) throws IOException {
        RunFolder run = new RunFolder(runDir);
        return new HtmlReport(run, versions == null ? List.of() : List.of(versions)).page();
    }

    // ================================================================== page

    private String page() throws IOException {
        List<IslandRow> islands = islandRows();
        Map<String, Map<String, PerturbCurves>> perturb = new LinkedHashMap<>();
        for (String m : RunFolder.MODELS) {
            JsonNode p = run.perturb(m);
            if (p != null) perturb.put(m, PerturbCurves.read(p, run.path("perturb/" + m + "/summary.json").toString()));
        }
        String cards = cards(islands, perturb);
        // sections first: they register the checks that the header lists
        StringBuilder body = new StringBuilder();
        body.append(islandSection(islands)); // the headline table first; the layout that explains the maps just above them
        body.append(layoutSection());
        body.append(mapsSection(islands));
        body.append(profileSection());
        body.append(retinotopySection());
        body.append(perturbSection(perturb));
        body.append(discoverSection());
        body.append(trainingSection());
        body.append(pretrainSection());
        body.append(runSection());

        StringBuilder sb = new StringBuilder(1 << 20);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.append("<title>Topo-Omni report: ").append(esc(run.dir.toAbsolutePath().normalize().getFileName() == null ? ""
                : run.dir.toAbsolutePath().normalize().getFileName().toString())).append("</title>\n");
        sb.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append(nav());
        sb.append("<main>\n");
        sb.append(header(cards));
        sb.append(body);
        sb.append("<footer>Written by topo-omni's report command on ").append(esc(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .append(" from ").append(esc(run.dir.toAbsolutePath().normalize().toString()))
                .append(". Self-contained: every figure is embedded; nothing is loaded from elsewhere.</footer>\n");
        sb.append("</main>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static final String[][] SECTIONS = {{"top", "Summary"}, {"islands", "Islands"}, {"layout", "Sheet"}, {"maps", "Maps"},
            {"profiles", "Profiles"}, {"retinotopy", "Retinotopy &amp; tonotopy"}, {"perturb", "Perturbation"}, {"discover", "Clusters"},
            {"training", "Training"}, {"pretraining", "Pretraining"}, {"run", "Run"}};

    private static String nav() {
        StringBuilder sb = new StringBuilder("<nav>");
        for (String[] s : SECTIONS) sb.append("<a href=\"#").append(s[0]).append("\">").append(s[1]).append("</a>");
        return sb.append("</nav>\n").toString();
    }

    private String header(String cards) {
        StringBuilder sb = new StringBuilder("<header id=\"top\">\n");
        sb.append("<h1>Topo-Omni: what this run found</h1>\n");
        sb.append("<p class=\"sub\">Run folder <code>").append(esc(run.dir.toAbsolutePath().normalize().toString())).append("</code>");
        if (run.layout != null) {
            sb.append(" &middot; one cortical sheet of ").append(run.layout.rows()).append(" &times; ").append(run.layout.cols()).append(" = ")
                    .append(String.format(Locale.ROOT, "%,d", run.layout.units())).append(" units");
        }
        sb.append(" &middot; the topographic model (spatial loss) against its control (the same training without it)</p>\n");
        sb.append(cards);
        int met = 0, failed = 0, missing = 0;
        for (Check c : checks) {
            if (c.status == Status.PASS) met++;
            else if (c.status == Status.FAIL) failed++;
            else if (c.status == Status.MISSING) missing++;
        }
        sb.append("<details class=\"checks\" open><summary><b>Targets of the issues:</b> ")
                .append("<span class=\"badge pass\">").append(met).append(" met</span> ")
                .append("<span class=\"badge fail\">").append(failed).append(" not met</span> ");
        if (missing > 0) sb.append("<span class=\"badge missing\">").append(missing).append(" not measured</span>");
        sb.append("</summary>\n<table class=\"checks\"><tr><th>target</th><th>this run</th><th></th></tr>\n");
        List<Check> ordered = new ArrayList<>(checks);
        ordered.sort(java.util.Comparator.comparingInt(c -> CHECK_ORDER.indexOf(c.section)));
        for (Check c : ordered) {
            sb.append("<tr><td><a href=\"#").append(c.section).append("\">").append(c.target).append("</a></td><td>").append(c.result)
                    .append("</td>").append(td(c.status.word, c.status)).append("</tr>\n");
        }
        sb.append("</table></details>\n</header>\n");
        return sb.toString();
    }

    /** The checklist follows the pipeline: pretraining, training, islands, perturbation, screening, timings. */
    private static final List<String> CHECK_ORDER = List.of("pretraining", "training", "islands", "perturb", "discover", "run");

    private void check(String target, String result, Status status, String section) {
        checks.add(new Check(target, result, status, section));
    }

    // ================================================================== headline cards

    /** A headline card: what it is, the number(s), what the numbers are of, a note (target, paper), and the verdict. */
    private static String card(String label, String value, String who, String note, Status s) {
        return "<div class=\"card " + s.css + "\"><div class=\"label\">" + label + "</div><div class=\"value\">" + value + "</div>"
                + (who.isEmpty() ? "" : "<div class=\"who\">" + who + "</div>") + "<div class=\"note\">" + note + "</div>"
                + (s == Status.NONE ? "" : "<div class=\"verdict\">" + badge(s) + "</div>") + "</div>\n";
    }

    private static final String VS = " <span class=\"vs\">vs</span> ";

    private String cards(List<IslandRow> islands, Map<String, Map<String, PerturbCurves>> perturb) {
        StringBuilder sb = new StringBuilder("<div class=\"cards\">\n");
        // 1. pretraining
        JsonNode pre = run.pretrain();
        if (pre == null) {
            sb.append(card("Pretrained model", "not recorded", "", "results.json has no pretrain section", Status.MISSING));
        } else {
            double v = RunFolder.num(pre, "visual_accuracy"), a = RunFolder.num(pre, "auditory_accuracy");
            Status s = Status.all(List.of(Double.isNaN(v) ? Status.MISSING : Status.of(v >= Targets.PRETRAIN_VISUAL),
                    Double.isNaN(a) ? Status.MISSING : Status.of(a >= Targets.PRETRAIN_AUDITORY)));
            sb.append(card("Pretrained model", pct(v) + " <span class=\"vs\">|</span> " + pct(a), "visual | auditory stimuli named correctly (held out)",
                    "targets &ge; " + pct(Targets.PRETRAIN_VISUAL) + " | &ge; " + pct(Targets.PRETRAIN_AUDITORY), s));
        }
        // 2. spatial loss
        double lt = RunFolder.num(run.trainTopo, "heldout_spatial_loss"), lc = RunFolder.num(run.trainControl, "heldout_spatial_loss");
        if (Double.isNaN(lt) || Double.isNaN(lc)) {
            sb.append(card("Held-out spatial loss", "not run", "", "needs the topographic and the control training", Status.MISSING));
        } else {
            sb.append(card("Held-out spatial loss", num(lt, 3) + VS + num(lc, 3), "topographic vs control; lower = neighbours respond alike",
                    "ratio " + num(lt / lc, 2) + "&times;; target &le; " + num(Targets.SPATIAL_LOSS_RATIO, 1) + "&times;",
                    Status.of(lt <= Targets.SPATIAL_LOSS_RATIO * lc)));
        }
        // 3. island Moran's I
        if (run.locTopo == null || run.locControl == null) {
            sb.append(card("Island Moran's I", "not run", "", "needs the localizers on both models", Status.MISSING));
        } else {
            double st = 0, sc = 0;
            int nt = 0, nc = 0, total = 0;
            for (IslandRow r : islands) {
                if (r.inTopo()) total++;
                if (!Double.isNaN(r.iTopo)) { st += r.iTopo; nt++; }
                if (!Double.isNaN(r.iControl)) { sc += r.iControl; nc++; }
            }
            List<Status> key = islandGroupStatuses(islands);
            String voice = "";
            for (IslandRow r : islands) {
                if (r.contrast.equals("voice") && r.inTopo() && r.inControl()) {
                    voice = "voice " + (Double.isNaN(r.iTopo) ? "none" : num(r.iTopo, 2)) + " vs " + (Double.isNaN(r.iControl) ? "none" : num(r.iControl, 2)) + "; ";
                }
            }
            long met = key.stream().filter(s -> s == Status.PASS).count();
            sb.append(card("Island Moran's I", (nt == 0 ? "none" : num(st / nt, 2)) + VS + (nc == 0 ? "none" : num(sc / nc, 2)),
                    "topographic vs control: mean over the contrasts with islands (" + nt + " and " + nc + " of " + total + ")",
                    voice + "paper (voice) " + num(PaperValues.VOICE_TOPO_I, 2) + " vs " + num(PaperValues.VOICE_CONTROL_I, 2) + "; target met for " + met
                            + " of " + key.size() + " key contrasts", Status.all(key)));
        }
        // 4. face profile vs FFA
        JsonNode fp = run.locTopo == null ? null : run.locTopo.path("profiles").get("faces");
        double r = RunFolder.num(fp, "pearson_r");
        if (fp == null || Double.isNaN(r)) {
            sb.append(card("Face units vs human FFA", "not measured", "", fp == null ? "no face profile in the topographic localizer run"
                    : esc(String.valueOf(text(fp, "skipped") == null ? "the correlation is undefined" : text(fp, "skipped"))), Status.MISSING));
        } else {
            sb.append(card("Face units vs human FFA", "r = " + num(r, 2), "correlation of the responses to the ten localizer conditions",
                    "paper r = " + num(PaperValues.FFA_R, 2) + "; no target", Status.NONE));
        }
        // 5. perturbation
        Map<String, PerturbCurves> pt = perturb.get("topo");
        if (pt == null) {
            sb.append(card("Best perturbation effect", "not run", "", "no perturb/topo/summary.json in this run folder", Status.MISSING));
        } else {
            PerturbCurves.Effect e = PerturbCurves.best(pt);
            PerturbCurves faces = pt.get(Targets.PERTURB_CATEGORY);
            Status s = Status.NONE;
            if (faces != null) {
                Boolean sup = faces.suppressTargetMet();
                s = Status.all(List.of(Status.of(faces.driveTargetMet()), sup == null ? Status.MISSING : Status.of(sup)));
            }
            String value = e == null ? "none measured" : Html.points(e.kind().equals("drive") ? e.size() : -e.size());
            String ref = e == null ? "" : Double.isNaN(e.random()) ? "without intervention " + pct(e.baseline()) : "random mask " + pct(e.random());
            String who = e == null ? "" : e.kind().equals("drive")
                    ? "drive " + esc(e.category()) + ", " + pct(e.coverage()) + " coverage: " + pct(e.value()) + " of other images named " + esc(e.category()) + " (" + ref + ")"
                    : "suppress " + esc(e.category()) + ", " + pct(e.coverage()) + " coverage: " + esc(e.category()) + " identified " + pct(e.value()) + " (" + ref + ")";
            String note = faces == null ? "no face perturbation: no target" : "face targets: drive &ge; " + pct(Targets.DRIVE_RATE) + " at &le; "
                    + pct(Targets.DRIVE_MAX_COVERAGE) + "; suppress " + pct(Targets.SUPPRESS_COVERAGE) + ": &minus;" + pct(Targets.SUPPRESS_DROP).replace("%", "") + " points";
            sb.append(card("Best perturbation effect", value, who, note, s));
        }
        return sb.append("</div>\n").toString();
    }

    // ================================================================== sections

    private static String sectionStart(String id, String title, String what) {
        return "<section id=\"" + id + "\">\n<h2>" + title + "</h2>\n<p class=\"what\"><b>What this shows:</b> " + what + "</p>\n";
    }

    private static String notRun(String what) {
        return "<p class=\"notrun\"><b>Not run.</b> " + what + "</p>\n";
    }

    private String image(String relative, int maxWidth, String alt, String caption) throws IOException {
        Path p = run.path(relative);
        if (!Files.isRegularFile(p)) return "<p class=\"notrun\">No figure: <code>" + esc(relative) + "</code> is missing.</p>\n";
        return Html.figure(Html.dataUri(p, maxWidth), alt, caption) + "\n";
    }

    // ------------------------------------------------------------------ sheet layout

    private String layoutSection() {
        StringBuilder sb = new StringBuilder(sectionStart("layout", "The cortical sheet",
                "every unit of the model sits in one cell of a single sheet: the vision and audio stacks side by side on top, the language "
                        + "stack below, each layer a band of rows. Every map in this report is drawn on this sheet."));
        if (run.layout == null) {
            sb.append(notRun("No localize/topo/layout.json or localize/control/layout.json: the localizers were not run, so the sheet is not recorded."));
        } else {
            sb.append(Html.figure(Html.dataUri(SheetMapFigure.layout(run.layout, "Sheet layout")), "sheet layout", null));
        }
        return sb.append("</section>\n").toString();
    }

    // ------------------------------------------------------------------ islands

    private List<IslandRow> islandRows() {
        List<IslandRow> rows = new ArrayList<>();
        JsonNode ct = run.locTopo == null ? null : run.locTopo.get("contrasts"), cc = run.locControl == null ? null : run.locControl.get("contrasts");
        Set<String> names = new LinkedHashSet<>();
        if (ct != null) ct.fieldNames().forEachRemaining(names::add);
        if (cc != null) cc.fieldNames().forEachRemaining(names::add);
        for (String n : names) {
            JsonNode a = ct == null ? null : ct.get(n), b = cc == null ? null : cc.get(n);
            JsonNode any = a != null ? a : b;
            rows.add(new IslandRow(n, text(any, "label"), text(any, "region"),
                    RunFolder.num(a, "island_morans_i"), a == null ? -1 : integer(a, "n_islands", 0), a == null ? -1 : integer(a, "n_significant_islands", 0),
                    a == null ? -1 : integer(a, "n_significant", 0),
                    RunFolder.num(b, "island_morans_i"), b == null ? -1 : integer(b, "n_islands", 0), b == null ? -1 : integer(b, "n_significant_islands", 0),
                    b == null ? -1 : integer(b, "n_significant", 0), peak(a), peak(b)));
        }
        return rows;
    }

    /** A contrast's peak {t, q} from its summary entry (NaN where absent: q is written since session 5). */
    private static double[] peak(JsonNode contrast) {
        JsonNode p = contrast == null ? null : contrast.get("peak");
        return new double[] {RunFolder.num(p, "t"), RunFolder.num(p, "q")};
    }

    /** One status per group of {@link Targets#ISLAND_CONTRASTS} (a group passes if any of its contrasts does). */
    private static List<Status> islandGroupStatuses(List<IslandRow> rows) {
        List<Status> out = new ArrayList<>();
        for (List<String> g : Targets.ISLAND_CONTRASTS) {
            List<Status> in = new ArrayList<>();
            for (IslandRow r : rows) if (g.contains(r.contrast)) in.add(r.status());
            if (in.contains(Status.PASS)) out.add(Status.PASS);
            else if (in.contains(Status.FAIL)) out.add(Status.FAIL);
            else out.add(Status.MISSING);
        }
        return out;
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

    private static String islandsText(double i, int n) {
        if (n < 0) return "not run";
        return (Double.isNaN(i) ? "no islands" : "I = " + num(i, 2) + ", " + Html.plural(n, "island"));
    }

    private String islandSection(List<IslandRow> rows) {
        StringBuilder sb = new StringBuilder(sectionStart("islands", "Island Moran's I: are the selective patches smooth?",
                "for every localizer contrast, how smooth each patch of significant units (an island) is: near 1 = one smooth blob, "
                        + "near 0 = salt-and-pepper. A topographic model should show higher values and fewer islands than its control, as in the "
                        + "paper and in the human brain (table foot)."));
        if (rows.isEmpty()) {
            sb.append(notRun("No localize/topo/summary.json or localize/control/summary.json: the localizers were not run."));
            return sb.append("</section>\n").toString();
        }
        sb.append("<table><tr><th>contrast</th><th class=\"l\">region</th><th>island Moran's I<br>topographic</th><th>islands<br>(significant)</th>"
                + "<th>island Moran's I<br>control</th><th>islands<br>(significant)</th><th>significant units<br>topo / control</th>"
                + "<th>target: I &ge; " + num(Targets.ISLAND_I, 1) + ", &ge; " + num(Targets.ISLAND_RATIO, 0) + "&times; control, fewer islands</th></tr>\n");
        for (IslandRow r : rows) {
            Status s = r.status();
            String target = s == Status.NONE ? "<span class=\"muted\">no target</span>" : s.word
                    + (r.contrast.equals("voice") || r.contrast.equals("speech") ? " <span class=\"muted\">(voice or speech)</span>" : "")
                    + (s == Status.FAIL && r.inControl() && r.nControl == 1 && r.nTopo >= 1
                    ? "<br><span class=\"muted\">the control has one island: no map with an island has fewer</span>" : "");
            sb.append("<tr><td><a href=\"#map-").append(esc(r.contrast)).append("\">").append(esc(r.contrast)).append("</a></td>")
                    .append("<td class=\"l\">").append(esc(r.region)).append("</td>").append(td(iCell(r.iTopo, r.nTopo, r.unitsTopo, r.peakTopo)))
                    .append(td(r.inTopo() ? r.nTopo + " (" + r.sigTopo + ")" : "")).append(td(iCell(r.iControl, r.nControl, r.unitsControl, r.peakControl)))
                    .append(td(r.inControl() ? r.nControl + " (" + r.sigControl + ")" : ""))
                    .append(td((r.inTopo() ? String.format(Locale.ROOT, "%,d", r.unitsTopo) : "&ndash;") + " / "
                            + (r.inControl() ? String.format(Locale.ROOT, "%,d", r.unitsControl) : "&ndash;")))
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
        List<Status> groups = islandGroupStatuses(rows);
        for (int g = 0; g < Targets.ISLAND_CONTRASTS.size(); g++) {
            List<String> names = Targets.ISLAND_CONTRASTS.get(g);
            StringBuilder res = new StringBuilder();
            for (IslandRow r : rows) {
                if (!names.contains(r.contrast)) continue;
                if (res.length() > 0) res.append("; ");
                res.append(esc(r.contrast)).append(": ").append(islandsText(r.iTopo, r.nTopo)).append(" vs control ").append(islandsText(r.iControl, r.nControl));
            }
            check("Islands, " + String.join(" or ", names) + ": I &ge; " + num(Targets.ISLAND_I, 1) + ", &ge; " + num(Targets.ISLAND_RATIO, 0)
                    + "&times; the control's, fewer islands", res.length() == 0 ? "not run" : res.toString(), groups.get(g), "islands");
        }
        return sb.append("</section>\n").toString();
    }

    // ------------------------------------------------------------------ maps

    private String mapsSection(List<IslandRow> rows) throws IOException {
        StringBuilder sb = new StringBuilder(sectionStart("maps", "Selectivity maps: topographic model vs control",
                "for every localizer contrast, where on the sheet units respond more to the ON stimuli than to the OFF stimuli (red; Welch t). "
                        + "Units that pass the statistics (q &lt; 0.001) keep full colour, the rest are dimmed; islands are outlined in black; "
                        + "grey cells never respond to these stimuli. Left: topographic model; right: control, on the same colour scale."));
        if (rows.isEmpty()) {
            sb.append(notRun("The localizers were not run (no localize/topo/summary.json or localize/control/summary.json)."));
            return sb.append("</section>\n").toString();
        }
        for (IslandRow r : rows) {
            Status s = r.status();
            sb.append("<div class=\"contrast\" id=\"map-").append(esc(r.contrast)).append("\"><h3>").append(esc(r.contrast))
                    .append(" <small>").append(esc(r.label)).append("</small> ").append(badge(s)).append("</h3>\n");
            sb.append("<p class=\"line\">topographic: ").append(islandsText(r.iTopo, r.nTopo)).append(" &middot; control: ")
                    .append(islandsText(r.iControl, r.nControl)).append("</p>\n");
            String cmp = "compare/" + r.contrast + ".png";
            if (run.exists(cmp)) {
                sb.append(image(cmp, FULL_WIDTH, r.contrast + ": topographic vs control", null));
            } else if (r.inTopo() && r.inControl() && run.layout != null && Files.isDirectory(run.path("localize/topo/" + r.contrast))
                    && Files.isDirectory(run.path("localize/control/" + r.contrast))) {
                var a = MapFiles.readSelectivity(run.path("localize/topo/" + r.contrast), run.layout);
                var b = MapFiles.readSelectivity(run.path("localize/control/" + r.contrast), run.layout);
                sb.append(Html.figure(Html.dataUri(SheetMapFigure.sideBySide(a.figure(), "topographic", b.figure(), "control", r.contrast + " localizer: topographic vs control")),
                        r.contrast + ": topographic vs control", null));
            } else {
                for (String m : RunFolder.MODELS) {
                    String one = "localize/" + m + "/" + r.contrast + "/map.png";
                    if (run.exists(one)) sb.append(image(one, FULL_WIDTH, r.contrast + ": " + m, null));
                    else sb.append("<p class=\"notrun\">No ").append(m).append(" map: <code>").append(esc(one)).append("</code> is missing.</p>\n");
                }
            }
            sb.append("</div>\n");
        }
        return sb.append("</section>\n").toString();
    }

    // ------------------------------------------------------------------ profiles

    private String profileSection() throws IOException {
        StringBuilder sb = new StringBuilder(sectionStart("profiles", "Response profiles vs human brain regions",
                "for each contrast, the most selective units' responses to the ten localizer conditions, correlated with the responses of "
                        + "the matching human brain region (fROI) to the same conditions. r near 1 = the model's region responds like the human one."));
        if (run.locTopo == null && run.locControl == null) {
            sb.append(notRun("The localizers were not run, so there are no profiles."));
            return sb.append("</section>\n").toString();
        }
        JsonNode pt = run.locTopo == null ? null : run.locTopo.path("profiles"), pc = run.locControl == null ? null : run.locControl.path("profiles");
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode p : new JsonNode[] {pt, pc}) if (p != null && p.isObject()) p.fieldNames().forEachRemaining(names::add);
        names.remove("skipped");
        sb.append("<table><tr><th>contrast</th><th class=\"l\">human fROI</th><th>r topographic</th><th>r control</th><th>paper r</th><th>units (topo)</th></tr>\n");
        int shown = 0;
        for (String n : names) {
            JsonNode a = pt == null ? null : pt.get(n), b = pc == null ? null : pc.get(n);
            JsonNode any = a != null && text(a, "human_roi") != null ? a : b;
            String roi = text(any, "human_roi");
            if (roi == null) continue; // no human counterpart (voice, music...)
            double paper = RunFolder.num(any, "paper_r");
            sb.append("<tr>").append(td(esc(n))).append("<td class=\"l\">").append(esc(roi)).append("</td>").append(td(profileR(a))).append(td(profileR(b)))
                    .append(td(Double.isNaN(paper) ? "<span class=\"muted\">not reported</span>" : num(paper, 2)))
                    .append(td(a == null || a.get("n_units") == null ? "" : String.valueOf(integer(a, "n_units", 0)))).append("</tr>\n");
            shown++;
        }
        sb.append("<tr class=\"ref\"><td colspan=\"4\">paper, ten categories (range, mean)</td><td>").append(num(PaperValues.TEN_MIN_R, 2)).append("&ndash;")
                .append(num(PaperValues.TEN_MAX_R, 2)).append(" (").append(num(PaperValues.TEN_MEAN_R, 2)).append(")</td><td></td></tr>\n</table>\n");
        if (shown == 0) {
            String why = pt != null && pt.has("skipped") ? text(pt, "skipped") : "no contrast has a human counterpart in this run";
            sb.append(notRun("No profile was measured: " + esc(why) + "."));
        }
        sb.append("<p class=\"note\">Sources: ").append(esc(PaperValues.PROFILE_SOURCE)).append(". The paper gives no target for these; "
                + "they are shown uncoloured. Units: the top 1% of the region's units by t (10% for cognitive contrasts), chosen on even runs, "
                + "measured on odd runs.</p>\n");
        sb.append("<div class=\"pair\">");
        for (String m : RunFolder.MODELS) sb.append(image("localize/" + m + "/profiles.png", PAIR_WIDTH, m + " response profiles", m.equals("topo") ? "topographic" : "control"));
        return sb.append("</div>\n</section>\n").toString();
    }

    private static String profileR(JsonNode p) {
        if (p == null) return "not run";
        if (p.has("skipped")) return "<span class=\"muted\">skipped</span>";
        double r = RunFolder.num(p, "pearson_r");
        return Double.isNaN(r) ? "n/a" : num(r, 2);
    }

    // ------------------------------------------------------------------ retinotopy / tonotopy

    private String retinotopySection() throws IOException {
        StringBuilder sb = new StringBuilder(sectionStart("retinotopy", "Retinotopy and tonotopy",
                "which wedge position, ring size or tone frequency each significant unit prefers (one-way ANOVA over the conditions). "
                        + "Colours changing smoothly across the sheet = an orderly map, like early visual and auditory cortex; a speckle = none."));
        boolean any = false;
        for (String d : List.of("retinotopy_angle", "retinotopy_eccentricity", "tonotopy")) {
            boolean t = run.exists("localize/topo/" + d + "/map.png"), c = run.exists("localize/control/" + d + "/map.png");
            if (!t && !c) continue;
            any = true;
            JsonNode mt = run.locTopo == null ? null : run.locTopo.path("maps").get(d), mc = run.locControl == null ? null : run.locControl.path("maps").get(d);
            String title = text(mt != null ? mt : mc, "title");
            Path pt = run.path("localize/topo/" + d), pc = run.path("localize/control/" + d);
            if (run.layout != null && Files.isRegularFile(pt.resolve("preferred.npy")) && Files.isRegularFile(pc.resolve("preferred.npy"))) {
                // the figure carries the title and both counts
                var a = PreferenceMaps.read(pt, run.layout);
                var b = PreferenceMaps.read(pc, run.layout);
                sb.append(Html.figure(Html.dataUri(SheetMapFigure.preferenceSideBySide(a.figure(), "topographic", b.figure(), "control", a.design().title())),
                        d + ": topographic vs control", null));
            } else {
                sb.append("<h3>").append(esc(title == null ? d : title)).append("</h3>\n<p class=\"line\">significant units: topographic ")
                        .append(mt == null ? "not run" : String.format(Locale.ROOT, "%,d", integer(mt, "n_significant", 0))).append(" &middot; control ")
                        .append(mc == null ? "not run" : String.format(Locale.ROOT, "%,d", integer(mc, "n_significant", 0))).append("</p>\n");
                sb.append("<div class=\"pair\">");
                for (String m : RunFolder.MODELS) sb.append(image("localize/" + m + "/" + d + "/map.png", PAIR_WIDTH, m + " " + d, m.equals("topo") ? "topographic" : "control"));
                sb.append("</div>\n");
            }
        }
        if (!any) sb.append(notRun("No retinotopy_angle, retinotopy_eccentricity or tonotopy maps in localize/topo or localize/control "
                + "(the localizers were not run, or the library has no wedge, ring or tone stimuli)."));
        return sb.append("</section>\n").toString();
    }

    // ------------------------------------------------------------------ perturbation

    private String perturbSection(Map<String, Map<String, PerturbCurves>> perturb) throws IOException {
        StringBuilder sb = new StringBuilder(sectionStart("perturb", "Perturbation: drive and suppress a category's cluster",
                "adding a category's typical activity to its cluster (drive) should make the model report that category on images of other "
                        + "categories; removing it (suppress) should make it miss the category while the others stay intact. Random masks of the "
                        + "same size are the null: they should do little."));
        Map<String, PerturbCurves> topo = perturb.get("topo");
        if (perturb.isEmpty()) {
            sb.append(notRun("This run folder has no perturb/topo/summary.json or perturb/control/summary.json, so there are no perturbation numbers."));
            check("Perturbation: driving the face cluster gives &ge; " + pct(Targets.DRIVE_RATE) + " face answers on other images at &le; "
                    + pct(Targets.DRIVE_MAX_COVERAGE) + " coverage", "not run", Status.MISSING, "perturb");
            check("Perturbation: suppressing the top " + pct(Targets.SUPPRESS_COVERAGE) + " face units drops faces by &ge; "
                    + pct(Targets.SUPPRESS_DROP).replace("%", "") + " points, the others by &le; " + pct(Targets.SUPPRESS_OTHER_DROP).replace("%", "") + " points",
                    "not run", Status.MISSING, "perturb");
            return sb.append("</section>\n").toString();
        }
        PerturbCurves faces = topo == null ? null : topo.get(Targets.PERTURB_CATEGORY);
        if (faces == null) {
            check("Perturbation: driving the face cluster (&ge; " + pct(Targets.DRIVE_RATE) + " at &le; " + pct(Targets.DRIVE_MAX_COVERAGE) + ")",
                    topo == null ? "the topographic model was not perturbed" : "faces were not perturbed", Status.MISSING, "perturb");
        } else {
            int i = faces.bestDrive(Targets.DRIVE_MAX_COVERAGE);
            check("Perturbation: driving the face cluster gives &ge; " + pct(Targets.DRIVE_RATE) + " face answers on other images at &le; "
                            + pct(Targets.DRIVE_MAX_COVERAGE) + " coverage",
                    i < 0 ? "no coverage in (0, " + pct(Targets.DRIVE_MAX_COVERAGE) + "] measured"
                            : pct(faces.drive()[i]) + " at " + pct(faces.coverage()[i]) + " (random mask " + pct(faces.randomDrive()[i]) + ")",
                    i < 0 ? Status.MISSING : Status.of(faces.driveTargetMet()), "perturb");
            int k = faces.at(Targets.SUPPRESS_COVERAGE);
            Boolean met = faces.suppressTargetMet();
            check("Perturbation: suppressing the top " + pct(Targets.SUPPRESS_COVERAGE) + " face units drops faces by &ge; "
                            + pct(Targets.SUPPRESS_DROP).replace("%", "") + " points, the others by &le; " + pct(Targets.SUPPRESS_OTHER_DROP).replace("%", "") + " points",
                    met == null ? "not measured at " + pct(Targets.SUPPRESS_COVERAGE) + " coverage (or without coverage 0)"
                            : "faces " + Html.points(-faces.suppressDrop(k)) + ", others " + Html.points(-faces.otherDrop(k)) + " (random mask: faces "
                            + Html.points(-faces.randomSuppressDrop(k)) + ")",
                    met == null ? Status.MISSING : Status.of(met), "perturb");
        }
        for (String m : RunFolder.MODELS) {
            Map<String, PerturbCurves> curves = perturb.get(m);
            sb.append("<h3>").append(m.equals("topo") ? "Topographic model" : "Control").append("</h3>\n");
            if (curves == null) {
                sb.append(notRun("No perturb/" + m + "/summary.json."));
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
                Boolean sup = target ? c.suppressTargetMet() : null;
                sb.append("<tr>").append(td(esc(c.category())))
                        .append(td(z < 0 ? "n/a" : pct(c.drive()[z])))
                        .append(d < 0 ? td("n/a") : target ? td(pct(c.drive()[d]) + " (" + pct(c.coverage()[d]) + ")", Status.of(c.driveTargetMet()))
                                : td(pct(c.drive()[d]) + " (" + pct(c.coverage()[d]) + ")"))
                        .append(td(d < 0 ? "n/a" : pct(c.randomDrive()[d])))
                        .append(td(z < 0 ? "n/a" : pct(c.suppress()[z])));
                String own = s < 0 ? "n/a" : pct(c.suppress()[s]) + " (" + Html.points(-c.suppressDrop(s)) + ")";
                String other = s < 0 ? "n/a" : pct(c.suppressOther()[s]) + " (" + Html.points(-c.otherDrop(s)) + ")";
                if (sup != null) sb.append(td(own, Status.of(sup))).append(td(other, Status.of(sup)));
                else sb.append(td(own)).append(td(other));
                sb.append(td(s < 0 ? "n/a" : pct(c.randomSuppress()[s]) + " (" + Html.points(-c.randomSuppressDrop(s)) + ")")).append("</tr>\n");
            }
            sb.append("</table>\n");
            sb.append(specificity(curves));
            sb.append(image("perturb/" + m + "/curves.png", FULL_WIDTH, m + " dose-response curves", null));
        }
        sb.append("<p class=\"note\">Coverage: the fraction of the vision stack's units in the mask (the top units by t from the even-run localizer). "
                + "Rates are fractions of held-out images whose answer names the category. Coloured cells: the face targets of the perturbation issue.</p>\n");
        return sb.append("</section>\n").toString();
    }

    /**
     * Which other categories a suppression hits: per suppressed category, each other category's
     * identification before and at the target coverage, cluster and random masks. Empty for
     * summaries without the split.
     */
    private static String specificity(Map<String, PerturbCurves> curves) {
        Set<String> others = new java.util.TreeSet<>();
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

    // ------------------------------------------------------------------ discovered clusters

    /**
     * The categories the localizers name (their ON and OFF conditions: quilted speech or
     * scrambled objects are localizer stimuli too), for telling known clusters from new ones.
     */
    private Set<String> localizerCategories() {
        Set<String> out = new LinkedHashSet<>();
        for (String m : RunFolder.MODELS) {
            JsonNode loc = run.localize(m);
            if (loc == null) continue;
            for (Iterator<JsonNode> it = loc.path("contrasts").elements(); it.hasNext(); ) {
                JsonNode c = it.next();
                for (JsonNode on : c.path("on")) out.add(on.asText());
                for (JsonNode off : c.path("off")) out.add(off.asText());
            }
        }
        return out;
    }

    private static String bareLabel(String label) {
        return label == null ? null : label.substring(label.lastIndexOf('/') + 1);
    }

    private String discoverSection() throws IOException {
        StringBuilder sb = new StringBuilder(sectionStart("discover", "Discovered clusters (screening without labels)",
                "groups of pool stimuli that drive their own patch of the sheet, found by walking a tree of stimulus embeddings without "
                        + "labels; the pool's hidden labels only name them afterwards. New categories (no localizer names them) with a pure, "
                        + "contiguous cluster are the discoveries."));
        String target = "Screening: &ge; " + Targets.DISCOVER_NOVEL + " categories no localizer names, each a cluster with purity &ge; "
                + num(Targets.DISCOVER_PURITY, 1) + " and island Moran's I &ge; " + num(Targets.DISCOVER_I, 1);
        if (run.discover == null) {
            sb.append(notRun("This run folder has no discover/summary.json, so there are no discovered clusters."));
            check(target, "not run", Status.MISSING, "discover");
            return sb.append("</section>\n").toString();
        }
        JsonNode clusters = run.discover.get("clusters");
        Set<String> known = localizerCategories();
        Set<String> novel = new LinkedHashSet<>();
        boolean labelled = false;
        for (JsonNode c : clusters) {
            String l = bareLabel(text(c, "top_label"));
            if (l != null) labelled = true;
            if (l != null && !known.contains(l) && RunFolder.num(c, "purity") >= Targets.DISCOVER_PURITY
                    && RunFolder.num(c, "island_morans_i") >= Targets.DISCOVER_I) novel.add(l);
        }
        Status st = !labelled || known.isEmpty() ? Status.MISSING : Status.of(novel.size() >= Targets.DISCOVER_NOVEL);
        check(target, !labelled ? "clusters have no labels (no hidden labels given)" : known.isEmpty() ? "no localizer run to tell new categories from known ones"
                : novel.isEmpty() ? "none" : esc(String.join(", ", novel)), st, "discover");
        sb.append("<p class=\"line\">").append(Html.plural(clusters.size(), "cluster")).append("; new categories with a pure, contiguous cluster: ")
                .append(novel.isEmpty() ? "none" : esc(String.join(", ", novel))).append(' ').append(badge(st)).append("</p>\n");
        sb.append("<table><tr><th>cluster</th><th>stimuli</th><th>score<br>(median t)</th><th>island Moran's I</th><th>islands</th>"
                + "<th class=\"l\">most common label</th><th>purity</th><th class=\"l\">named by a localizer?</th></tr>\n");
        for (JsonNode c : clusters) {
            String id = text(c, "id"), l = text(c, "top_label");
            boolean isNovel = novel.contains(bareLabel(l));
            sb.append("<tr>").append(td("<a href=\"#cluster-" + esc(id) + "\">" + esc(id) + "</a>")).append(td(String.valueOf(integer(c, "size", 0))))
                    .append(td(num(RunFolder.num(c, "score"), 2))).append(td(num(RunFolder.num(c, "island_morans_i"), 2)))
                    .append(td(c.has("n_islands") ? String.valueOf(integer(c, "n_islands", 0)) : "n/a"))
                    .append("<td class=\"l").append(isNovel ? " pass" : "").append("\">").append(l == null ? "<span class=\"muted\">unlabelled</span>" : esc(l)).append("</td>")
                    .append(td(pct(RunFolder.num(c, "purity"))))
                    .append("<td class=\"l\">").append(l == null ? "" : known.contains(bareLabel(l)) ? "yes" : isNovel ? "<b>no: a discovery</b>" : "no").append("</td></tr>\n");
        }
        sb.append("</table>\n");
        sb.append(hiddenCategories(known));
        sb.append(image("discover/dendrogram.png", FULL_WIDTH, "dendrogram", "the Ward tree of the pool's embeddings (discover/dendrogram.png)"));
        sb.append("<div class=\"gallery\">\n");
        for (JsonNode c : clusters) {
            String id = text(c, "id"), l = text(c, "top_label");
            sb.append("<div class=\"tile\" id=\"cluster-").append(esc(id)).append("\"><h4>cluster ").append(esc(id)).append(": ")
                    .append(l == null ? "unlabelled" : esc(l)).append(" <small>").append(Html.plural(integer(c, "size", 0), "stimulus").replace("stimuluss", "stimuli"))
                    .append(", purity ").append(pct(RunFolder.num(c, "purity"))).append(", I = ").append(num(RunFolder.num(c, "island_morans_i"), 2))
                    .append("</small></h4>\n");
            for (String kind : List.of("collage", "map")) sb.append(clusterImage(c, id, kind));
            sb.append("</div>\n");
        }
        return sb.append("</div>\n</section>\n").toString();
    }

    /**
     * Per hidden label: the cluster that holds most of its items, and the map of all its items
     * (what a perfect walk would report), so a reader can tell a category the sheet has no
     * region for from one the walk missed. Empty without labels.
     */
    private String hiddenCategories(Set<String> known) {
        JsonNode cats = run.discover.get("categories");
        if (cats == null || !cats.isObject() || cats.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("<p class=\"line\">Hidden categories (evaluation only): the cluster holding most of each category's "
                + "items, and the map of <i>all</i> its items, scored and mapped as a cluster would be &mdash; the best a walk could report. "
                + "A category whose own map has no contiguous island has no region on the sheet for any walk to find.</p>\n");
        sb.append("<table><tr><th class=\"l\">category</th><th>stimuli</th><th>best cluster</th><th>recall</th><th>precision</th>"
                + "<th>all items: score</th><th>significant units</th><th>island Moran's I</th><th>islands</th><th class=\"l\">named by a localizer?</th></tr>\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = cats.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue(), m = c.path("all_items_map");
            String best = text(c, "best_cluster");
            sb.append("<tr><td class=\"l\">").append(esc(e.getKey())).append("</td>").append(td(String.valueOf(integer(c, "n_items", 0))))
                    .append(td(best == null ? "none" : "<a href=\"#cluster-" + esc(best) + "\">" + esc(best) + "</a>"))
                    .append(td(pct(RunFolder.num(c, "recall")))).append(td(pct(RunFolder.num(c, "precision"))))
                    .append(td(m.isMissingNode() ? "n/a" : num(RunFolder.num(m, "score"), 2)))
                    .append(td(m.isMissingNode() ? "n/a" : String.valueOf(integer(m, "n_significant", 0))))
                    .append(td(m.isMissingNode() ? "n/a" : num(RunFolder.num(m, "island_morans_i"), 2)))
                    .append(td(m.isMissingNode() ? "n/a" : String.valueOf(integer(m, "n_islands", 0))))
                    .append("<td class=\"l\">").append(known.contains(bareLabel(e.getKey())) ? "yes" : "no").append("</td></tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    /** The cluster's collage or map: the path in the summary (relative to discover/), else discover/cluster-&lt;id&gt;/&lt;kind&gt;.png. */
    private String clusterImage(JsonNode c, String id, String kind) throws IOException {
        String given = text(c, kind);
        List<Path> candidates = new ArrayList<>();
        if (given != null) candidates.add(run.path("discover").resolve(given));
        candidates.add(run.path("discover/cluster-" + id + "/" + kind + ".png"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) return Html.figure(Html.dataUri(p, TILE_WIDTH), "cluster " + id + " " + kind, null) + "\n";
        }
        return "<p class=\"notrun\">No " + kind + " for cluster " + esc(id) + ".</p>\n";
    }

    // ------------------------------------------------------------------ training

    private String trainingSection() throws IOException {
        StringBuilder sb = new StringBuilder(sectionStart("training", "Topographic training and its control",
                "the spatial loss (lower = neighbouring units respond more alike) falls for the topographic model; the control is trained "
                        + "the same way with the spatial loss switched off (alpha = 0). Both must keep the base model's answers."));
        JsonNode t = run.trainTopo, c = run.trainControl;
        if (t == null && c == null) {
            sb.append(notRun("No topo/metrics.json or control/metrics.json (and no train section in results.json)."));
            check("Training: held-out spatial loss of the topographic model &le; " + num(Targets.SPATIAL_LOSS_RATIO, 1) + "&times; the control's",
                    "not run", Status.MISSING, "training");
            return sb.append("</section>\n").toString();
        }
        double lt = RunFolder.num(t, "heldout_spatial_loss"), lc = RunFolder.num(c, "heldout_spatial_loss");
        Status ratio = Double.isNaN(lt) || Double.isNaN(lc) ? Status.MISSING : Status.of(lt <= Targets.SPATIAL_LOSS_RATIO * lc);
        double agree = RunFolder.num(t, "answer_agreement"), acc = RunFolder.num(t, "accuracy"), base = RunFolder.num(t, "base_accuracy");
        Status agreeS = Double.isNaN(agree) ? Status.MISSING : Status.of(agree >= Targets.ANSWER_AGREEMENT);
        Status accS = Double.isNaN(acc) || Double.isNaN(base) ? Status.MISSING : Status.of(Math.abs(acc - base) <= Targets.ACCURACY_WITHIN + 1e-12);
        check("Training: held-out spatial loss of the topographic model &le; " + num(Targets.SPATIAL_LOSS_RATIO, 1) + "&times; the control's",
                num(lt, 3) + " vs " + num(lc, 3) + (ratio == Status.MISSING ? "" : " (" + num(lt / lc, 2) + "&times;)"), ratio, "training");
        check("Training: the topographic model's answers agree with the base model's on &ge; " + pct(Targets.ANSWER_AGREEMENT) + " of held-out items",
                pct(agree), agreeS, "training");
        check("Training: its category accuracy within " + pct(Targets.ACCURACY_WITHIN).replace("%", "") + " point of the base model's",
                pct1(acc) + " vs " + pct1(base), accS, "training");

        sb.append("<table><tr><th></th><th>topographic</th><th>control</th><th>target</th></tr>\n");
        sb.append("<tr>").append(td("held-out spatial loss")).append(td(num(lt, 3), ratio)).append(td(num(lc, 3)))
                .append(td("topo &le; " + num(Targets.SPATIAL_LOSS_RATIO, 1) + "&times; control")).append("</tr>\n");
        Status agreeC = Double.isNaN(RunFolder.num(c, "answer_agreement")) ? Status.NONE : Status.of(RunFolder.num(c, "answer_agreement") >= Targets.ANSWER_AGREEMENT);
        sb.append("<tr>").append(td("answers agree with the base model")).append(td(pct(agree), agreeS))
                .append(td(pct(RunFolder.num(c, "answer_agreement")), agreeC)).append(td("&ge; " + pct(Targets.ANSWER_AGREEMENT))).append("</tr>\n");
        double accC = RunFolder.num(c, "accuracy"), baseC = RunFolder.num(c, "base_accuracy");
        Status accCS = Double.isNaN(accC) || Double.isNaN(baseC) ? Status.NONE : Status.of(Math.abs(accC - baseC) <= Targets.ACCURACY_WITHIN + 1e-12);
        sb.append("<tr>").append(td("category accuracy (base model)")).append(td(pct1(acc) + " (" + pct1(base) + ")", accS))
                .append(td(pct1(accC) + " (" + pct1(baseC) + ")", accCS)).append(td("within 1 point of the base")).append("</tr>\n");
        for (String[] row : new String[][] {{"training time", "seconds"}, {"steps per second", "steps_per_second"},
                {"worst condition number of W", "worst_condition_number"}, {"alpha (spatial loss weight)", "alpha"}, {"neighbourhood radius", "radius"}}) {
            double a = RunFolder.num(t, row[1]), b = RunFolder.num(c, row[1]);
            String fa = row[1].equals("seconds") ? Html.duration(a) : num(a, a >= 100 ? 0 : 2), fb = row[1].equals("seconds") ? Html.duration(b) : num(b, b >= 100 ? 0 : 2);
            sb.append("<tr>").append(td(row[0])).append(td(fa)).append(td(fb)).append(td("")).append("</tr>\n");
        }
        sb.append("<tr>").append(td("mode")).append(td(esc(text(t, "mode")))).append(td(esc(text(c, "mode")))).append(td("")).append("</tr>\n");
        sb.append("</table>\n<div class=\"pair\">");
        for (String m : RunFolder.MODELS) sb.append(image(m + "/curve.png", PAIR_WIDTH, m + " training curve", m.equals("topo") ? "topographic" : "control"));
        return sb.append("</div>\n</section>\n").toString();
    }

    /** A percentage with one decimal (for differences of a point). */
    /** Two decimals: next to a threshold, 84.98% must not read as the 85% it misses. */
    private static String pct2(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    private static String pct1(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    // ------------------------------------------------------------------ pretraining

    private String pretrainSection() {
        StringBuilder sb = new StringBuilder(sectionStart("pretraining", "The pretrained model: accuracy per category",
                "how often the base model (before any topographic training) names the right category for held-out stimuli. The maps are only "
                        + "as meaningful as this: a model that cannot tell faces from scenes has no reason to grow a face region."));
        JsonNode pre = run.pretrain();
        if (pre == null) {
            sb.append(notRun("results.json has no pretrain section."));
            check("Pretraining: visual categories named correctly &ge; " + pct(Targets.PRETRAIN_VISUAL), "not recorded", Status.MISSING, "pretraining");
            check("Pretraining: auditory categories named correctly &ge; " + pct(Targets.PRETRAIN_AUDITORY), "not recorded", Status.MISSING, "pretraining");
            return sb.append("</section>\n").toString();
        }
        double v = RunFolder.num(pre, "visual_accuracy"), a = RunFolder.num(pre, "auditory_accuracy");
        double ppl = RunFolder.num(pre, "perplexity"), uni = RunFolder.num(pre, "unigram_perplexity");
        Status vs = Double.isNaN(v) ? Status.MISSING : Status.of(v >= Targets.PRETRAIN_VISUAL);
        Status as = Double.isNaN(a) ? Status.MISSING : Status.of(a >= Targets.PRETRAIN_AUDITORY);
        Status ps = Double.isNaN(ppl) || Double.isNaN(uni) ? Status.MISSING : Status.of(ppl < uni);
        check("Pretraining: visual categories named correctly &ge; " + pct(Targets.PRETRAIN_VISUAL), pct2(v), vs, "pretraining");
        check("Pretraining: auditory categories named correctly &ge; " + pct(Targets.PRETRAIN_AUDITORY), pct2(a), as, "pretraining");
        check("Pretraining: text perplexity below the unigram baseline", num(ppl, 1) + " vs " + num(uni, 1), ps, "pretraining");
        double wall = RunFolder.num(pre, "wall_seconds");
        if (!Double.isNaN(wall)) {
            check("Pretraining: the whole command within " + num(Targets.PRETRAIN_MINUTES, 0) + " minutes", num(wall / 60, 1) + " min",
                    Status.of(wall <= 60 * Targets.PRETRAIN_MINUTES), "pretraining");
        }
        sb.append("<p class=\"line\">visual ").append("<span class=\"v ").append(vs.css).append("\">").append(pct(v)).append("</span> (target &ge; ")
                .append(pct(Targets.PRETRAIN_VISUAL)).append(") &middot; auditory <span class=\"v ").append(as.css).append("\">").append(pct(a))
                .append("</span> (target &ge; ").append(pct(Targets.PRETRAIN_AUDITORY)).append(") &middot; text perplexity <span class=\"v ")
                .append(ps.css).append("\">").append(num(ppl, 1)).append("</span> vs unigram baseline ").append(num(uni, 1));
        int items = integer(pre, "visual_items", -1) + integer(pre, "auditory_items", -1);
        if (pre.has("visual_items") && pre.has("auditory_items")) sb.append(" &middot; ").append(items).append(" held-out visual + auditory stimuli");
        sb.append("</p>\n");
        JsonNode heads = pre.path("encoder_head_accuracy");
        if (heads.isObject() && heads.size() > 0) {
            sb.append("<p class=\"line\">Encoder phase (").append(integer(pre, "encoder_steps", 0))
                    .append(" steps, the encoders alone): held-out accuracy of its category heads");
            heads.fields().forEachRemaining(e -> sb.append(" &middot; ").append(Html.esc(e.getKey())).append(' ').append(pct(e.getValue().asDouble())));
            sb.append(". What the encoders tell apart before the language model learns to name it.</p>\n");
        }
        JsonNode byCat = pre.path("accuracy_by_category"), byKind = pre.path("accuracy_by_kind");
        if (!byCat.isObject() || byCat.isEmpty()) {
            sb.append("<p class=\"notrun\">No per-category accuracy recorded.</p>\n");
            return sb.append("</section>\n").toString();
        }
        Map<String, List<Map.Entry<String, Double>>> kinds = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = byCat.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey(), kind = k.contains("/") ? k.substring(0, k.indexOf('/')) : "other";
            kinds.computeIfAbsent(kind, x -> new ArrayList<>()).add(Map.entry(k.substring(k.indexOf('/') + 1), e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN));
        }
        sb.append("<div class=\"bars\">\n");
        for (var e : kinds.entrySet()) {
            double kv = RunFolder.num(byKind, e.getKey());
            Status s = e.getKey().equals("visual") ? vs : e.getKey().equals("auditory") ? as : Status.NONE;
            sb.append("<div class=\"kind\"><h4>").append(esc(e.getKey())).append(" <span class=\"v ").append(s.css).append("\">").append(pct(kv)).append("</span></h4>\n");
            for (var c : e.getValue()) {
                double w = Double.isNaN(c.getValue()) ? 0 : Math.max(0, Math.min(1, c.getValue()));
                sb.append("<div class=\"bar\"><span class=\"name\">").append(esc(c.getKey())).append("</span><span class=\"track\"><span class=\"fill\" style=\"width:")
                        .append(String.format(Locale.ROOT, "%.1f", 100 * w)).append("%\"></span></span><span class=\"pv\">").append(pct(c.getValue()))
                        .append("</span></div>\n");
            }
            sb.append("</div>\n");
        }
        return sb.append("</div>\n</section>\n").toString();
    }

    // ------------------------------------------------------------------ run: config, seed, versions, timings

    private String runSection() {
        StringBuilder sb = new StringBuilder(sectionStart("run", "The run: settings, seed, versions, timings",
                "what was run, with which settings and software, and how long each stage took, so that the run can be repeated."));
        // seed
        List<String> seeds = new ArrayList<>();
        if (run.results != null && run.results.has("seed")) seeds.add(esc(run.results.get("seed").asText()) + " (run)");
        JsonNode pre = run.pretrain();
        if (pre != null && pre.has("seed")) seeds.add(esc(pre.get("seed").asText()) + " (pretraining)");
        for (String m : RunFolder.MODELS) {
            JsonNode cfg = run.cortical(m);
            if (cfg != null && cfg.has("seed")) seeds.add(esc(cfg.get("seed").asText()) + " (" + m + " training)");
        }
        if (run.locTopo != null && run.locTopo.path("settings").has("seed")) seeds.add(esc(run.locTopo.path("settings").get("seed").asText()) + " (localizer permutations)");
        sb.append("<p class=\"line\"><b>Seed:</b> ").append(seeds.isEmpty() ? "not recorded" : String.join(", ", seeds)).append("</p>\n");
        // versions
        List<String> vs = new ArrayList<>(versions);
        if (run.results != null && run.results.has("versions")) {
            JsonNode v = run.results.get("versions");
            if (v.isArray()) v.forEach(x -> vs.add(x.asText()));
            else if (v.isObject()) v.fields().forEachRemaining(e -> vs.add(e.getKey() + " " + e.getValue().asText()));
            else vs.add(v.asText());
        }
        String java = "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
        if (vs.stream().noneMatch(x -> x.startsWith("java "))) vs.add(java + ", report written");
        sb.append("<p class=\"line\"><b>Versions:</b> ").append(esc(String.join(" \u00b7 ", new LinkedHashSet<>(vs)))).append("</p>\n");
        // timings
        JsonNode t = run.timings();
        sb.append("<h3>Time per stage</h3>\n");
        if (t == null) {
            sb.append("<p class=\"notrun\">results.json records no timings.</p>\n");
        } else {
            sb.append(timings(t));
        }
        // settings
        sb.append("<h3>Settings</h3>\n<div class=\"pair\">");
        sb.append(settingsTable("topographic training (topo/cortical.json)", run.corticalTopo, null));
        sb.append(settingsTable("control training (control/cortical.json)", run.corticalControl, null));
        sb.append(settingsTable("localizers (localize/topo/summary.json)", run.locTopo == null ? null : run.locTopo.get("settings"), null));
        sb.append(settingsTable("pretraining (results.json)", pre, Set.of("accuracy_by_category", "accuracy_by_kind")));
        sb.append("</div>\n");
        if (run.results != null && run.results.has("config")) sb.append(settingsTable("demo config (results.json)", run.results.get("config"), null));
        return sb.append("</section>\n").toString();
    }

    /** Which of the analysis stages ({name, keyword...}) a lower-case stage name is, or -1. */
    private static int analysisStage(String key, String[][] stages) {
        for (int a = 0; a < stages.length; a++) {
            for (int j = 1; j < stages[a].length; j++) if (key.contains(stages[a][j])) return a;
        }
        return -1;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private String timings(JsonNode t) {
        StringBuilder sb = new StringBuilder("<table><tr><th>stage</th><th>time</th></tr>\n");
        // localizers, perturbation, screening: their summed time (the demo's 5-minute target), and which were timed
        String[][] analysisStages = {{"localizers", "locali"}, {"perturbation", "perturb"}, {"screening", "discover", "screen"}};
        double[] analysisSeconds = new double[analysisStages.length];
        boolean[] timed = new boolean[analysisStages.length];
        boolean analysisReused = false;
        boolean reused = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
            var e = it.next();
            double s = e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN;
            boolean isTotal = e.getKey().equals("total");
            if (!isTotal && s < 1) reused = true;
            String k = e.getKey().toLowerCase(Locale.ROOT);
            int a = analysisStage(k, analysisStages);
            if (a >= 0) {
                timed[a] = true;
                analysisSeconds[a] += s;
                if (s < 1) analysisReused = true;
            }
            sb.append("<tr").append(isTotal ? " class=\"total\"" : "").append(">").append(td(esc(e.getKey()))).append(td(Html.duration(s))).append("</tr>\n");
        }
        sb.append("</table>\n");
        JsonNode listed = run.results == null ? null : run.results.get("reused_stages");
        if (listed != null && listed.isArray()) {
            // the demo says which stages it reused; sub-second stages (the comparison) are then no sign of reuse
            reused = listed.size() > 0;
            analysisReused = false;
            for (JsonNode n : listed) analysisReused |= analysisStage(n.asText().toLowerCase(Locale.ROOT), analysisStages) >= 0;
        }
        if (reused) {
            sb.append("<p class=\"note\">" + (listed != null && listed.isArray() ? "Stages reused from elsewhere (" + esc(String.join(", ", texts(listed))) + ") were "
                    + "not timed in this run folder" : "Stages that took under a second were finished by an earlier, interrupted or repeated run and were reused "
                    + "(the demo resumes where it stopped)") + ", so these times are not the cost of a run from scratch.</p>\n");
        }
        double total = RunFolder.num(t, "total");
        JsonNode quick = run.results.get("quick");
        if (!Double.isNaN(total) && quick != null && quick.isBoolean()) {
            double limit = quick.asBoolean() ? Targets.QUICK_MINUTES : Targets.DEMO_MINUTES;
            check("Demo" + (quick.asBoolean() ? " --quick" : "") + " from nothing to the report in &le; " + num(limit, 0) + " min",
                    Html.duration(total) + (reused ? " (stages reused: not a run from scratch)" : ""),
                    reused ? Status.MISSING : Status.of(total <= 60 * limit), "run");
        }
        double analysis = 0;
        boolean allTimed = true;
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < analysisStages.length; a++) {
            analysis += analysisSeconds[a];
            allTimed &= timed[a];
            parts.add(analysisStages[a][0] + " " + (timed[a] ? Html.duration(analysisSeconds[a]) : "not timed"));
        }
        String result = (allTimed ? Html.duration(analysis) + ": " : "") + String.join(", ", parts)
                + (analysisReused ? " (stages reused from an earlier run: not the cost of a run from scratch)" : "");
        check("Localizers, perturbation and screening together &le; " + num(Targets.ANALYSIS_MINUTES, 0) + " min", result,
                !allTimed || analysisReused ? Status.MISSING : Status.of(analysis <= 60 * Targets.ANALYSIS_MINUTES), "run");
        return sb.toString();
    }

    private static String settingsTable(String title, JsonNode n, Set<String> skip) {
        if (n == null || !n.isObject()) return "<div><h4>" + esc(title) + "</h4><p class=\"notrun\">not recorded</p></div>";
        StringBuilder sb = new StringBuilder("<div><h4>").append(esc(title)).append("</h4><table class=\"kv\">");
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            if (skip != null && skip.contains(e.getKey())) continue;
            JsonNode v = e.getValue();
            String s = v.isTextual() ? v.asText() : v.isFloatingPointNumber() ? shortNumber(v.asDouble()) : v.toString();
            sb.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(esc(s)).append("</td></tr>");
        }
        return sb.append("</table></div>").toString();
    }

    private static String shortNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%.1f", v);
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    // ================================================================== style

    static final String CSS = """
            :root { --pass: #1a7f37; --pass-bg: #e8f5ec; --fail: #c0262d; --fail-bg: #fdecec; --muted: #6b6b6b; --line: #e2e2e2; }
            * { box-sizing: border-box; }
            body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", "Helvetica Neue", Arial, sans-serif; font-size: 15px;
                   line-height: 1.45; color: #1d1d1d; background: #f5f5f3; }
            nav { position: sticky; top: 0; z-index: 2; background: #26313d; padding: 7px 28px; font-size: 13.5px; }
            nav a { color: #e9eef3; text-decoration: none; margin-right: 18px; }
            nav a:hover { text-decoration: underline; }
            main { max-width: 1360px; margin: 0 auto; padding: 10px 28px 40px; }
            h1 { font-size: 27px; margin: 12px 0 2px; }
            h2 { font-size: 21px; margin: 14px 0 6px; }
            h3 { font-size: 17px; margin: 18px 0 4px; }
            h3 small, h4 small { font-weight: normal; color: var(--muted); }
            h4 { margin: 10px 0 4px; font-size: 15px; }
            .sub { color: #444; margin: 0 0 12px; }
            code { font-size: 13px; background: #ecece9; padding: 1px 4px; border-radius: 3px; }
            .cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; margin: 8px 0 12px; }
            .card { background: #fff; border: 1px solid var(--line); border-top: 6px solid #9a9a9a; border-radius: 6px; padding: 9px 12px 10px; }
            .card.pass { border-top-color: var(--pass); }
            .card.fail { border-top-color: var(--fail); }
            .card.missing { border-top-color: #c9c9c9; color: var(--muted); }
            .card .label { font-size: 13px; font-weight: bold; color: #444; }
            .card .value { font-size: 21px; font-weight: bold; margin: 4px 0; line-height: 1.25; }
            .card .value small { font-size: 13px; font-weight: normal; color: #555; }
            .card .who { font-size: 12.5px; color: #333; margin-bottom: 3px; }
            .card .note { font-size: 12px; color: #666; }
            .vs { font-size: 14px; font-weight: normal; color: #777; }
            .card .verdict { margin-top: 6px; }
            .badge { display: inline-block; font-size: 12px; font-weight: bold; padding: 1px 8px; border-radius: 10px; vertical-align: middle; }
            .badge.pass { background: var(--pass); color: #fff; }
            .badge.fail { background: var(--fail); color: #fff; }
            .badge.missing { background: #d5d5d5; color: #333; }
            details.checks { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; margin-bottom: 8px; }
            details.checks summary { cursor: pointer; font-size: 15px; }
            table { border-collapse: collapse; font-size: 13.5px; margin: 8px 0; background: #fff; }
            th { background: #f0f0ee; font-weight: bold; text-align: right; vertical-align: bottom; padding: 5px 9px; border-bottom: 2px solid #cfcfcf; }
            td { padding: 4px 9px; border-bottom: 1px solid var(--line); text-align: right; vertical-align: top; }
            th:first-child, td:first-child { text-align: left; }
            table.checks td, table.checks th { text-align: left; padding: 3px 9px; }
            table.checks td:last-child { white-space: nowrap; }
            table.checks a, table a { color: inherit; text-decoration: none; border-bottom: 1px dotted #888; }
            th.l, td.l { text-align: left; }
            table.checks { width: 100%; }
            td.pass { color: var(--pass); background: var(--pass-bg); font-weight: bold; }
            td.fail { color: var(--fail); background: var(--fail-bg); font-weight: bold; }
            td.missing { color: var(--muted); }
            tr.ref td { background: #faf6ec; color: #3d3320; }
            tr.total td { font-weight: bold; border-top: 2px solid #cfcfcf; }
            td.src { font-size: 12px; text-align: left; color: #5a4f36; }
            .v.pass { color: var(--pass); font-weight: bold; }
            .v.fail { color: var(--fail); font-weight: bold; }
            .muted { color: var(--muted); font-weight: normal; }
            section { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 18px 0; padding: 4px 22px 16px; }
            .what { background: #eef4fa; border-left: 4px solid #2f6fae; padding: 7px 12px; margin: 6px 0 10px; }
            .line { margin: 4px 0 6px; }
            .note { font-size: 13px; color: #4a4a4a; }
            .notrun { background: #f2f2f2; border: 1px dashed #a9a9a9; padding: 9px 12px; color: #444; border-radius: 4px; }
            figure { margin: 6px 0 12px; }
            figure img { max-width: 100%; height: auto; display: block; border: 1px solid #eee; }
            figcaption { font-size: 13px; color: #555; margin-top: 2px; }
            .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; align-items: start; }
            .pair table { width: 100%; }
            .contrast { border-top: 1px solid var(--line); padding-top: 2px; }
            .gallery { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
            .tile { border: 1px solid var(--line); border-radius: 5px; padding: 4px 10px; }
            .bars { columns: 3; column-gap: 28px; }
            .kind { break-inside: avoid; margin-bottom: 10px; }
            .bar { display: flex; align-items: center; font-size: 12.5px; gap: 6px; }
            .bar .name { width: 150px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
            .bar .track { flex: 1; height: 11px; background: #ececec; border-radius: 2px; position: relative; }
            .bar .fill { position: absolute; left: 0; top: 0; bottom: 0; background: #4a7fb5; border-radius: 2px; }
            .bar .pv { width: 44px; text-align: right; }
            table.kv td { text-align: left; font-size: 12.5px; padding: 2px 8px; }
            footer { color: var(--muted); font-size: 12.5px; margin-top: 24px; }
            @media (max-width: 1000px) { .cards { grid-template-columns: repeat(2, 1fr); } .pair, .gallery { grid-template-columns: 1fr; } .bars { columns: 1; } }
            @media print { nav { display: none; } section { break-inside: auto; } }
            """;
}
