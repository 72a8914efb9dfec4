package org.topoomni.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.io.Json;
import org.topoomni.results.PerturbationSummary;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class HtmlReportTest {

    @TempDir
    static Path shared;
    /** A demo folder without perturb/ and discover/ (built once; tests work on copies). */
    static Path base;

    @BeforeAll
    static void build() throws IOException {
        base = DemoFolders.withoutPerturbAndDiscover(shared.resolve("base"));
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return to;
    }

    /** Set -Dfigures=DIR to keep the reports for looking at them. */
    static void keep(Path report, String name) throws IOException {
        String keep = System.getProperty("figures");
        if (keep == null) return;
        Files.createDirectories(Path.of(keep));
        Files.copy(report, Path.of(keep).resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The HTML of one section, from its opening tag to its end. */
    static String section(String html, String id) {
        int i = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(i >= 0, "no section " + id);
        return html.substring(i, html.indexOf("</section>", i));
    }

    /** A row of the checklist: its claim [bar] => this run's result (tags stripped), the paper's value (null: the project's own target), the status class. */
    record Row(String key, String paper, String status) {}

    static final Pattern ROW = Pattern.compile(
            "<tr><td><a href=\"#\\w+\">(.*?)</a><br><span class=\"bar\">(.*?)</span></td>(?:<td class=\"paper\">(.*?)</td>)?<td>(.*?)</td><td class=\"(\\w+)\">");

    static List<Row> rows(String html) {
        List<Row> out = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) out.add(new Row(text(m.group(1)) + " [" + text(m.group(2)) + "] => " + text(m.group(4)), m.group(3) == null ? null : text(m.group(3)), m.group(5)));
        return out;
    }

    /** The checklist: claim [bar] => result -> status class. */
    static Map<String, String> checklist(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Row r : rows(html)) out.put(r.key(), r.status());
        return out;
    }

    /** HTML as text: tags dropped, the entities the report uses decoded. */
    static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&ge;", "≥").replace("&le;", "≤").replace("&times;", "×").replace("&minus;", "−")
                .replace("&middot;", "·").replace("&ndash;", "–").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    static String statusOf(Map<String, String> checks, String targetStart) {
        List<String> hits = new ArrayList<>();
        checks.forEach((k, v) -> {
            if (k.startsWith(targetStart)) hits.add(v);
        });
        assertEquals(1, hits.size(), "checks starting with '" + targetStart + "': " + checks.keySet());
        return hits.get(0);
    }

    /** Every image is a PNG data URI that decodes; nothing is loaded from elsewhere. Returns the number of images. */
    static int assertSelfContained(String html) throws IOException {
        for (String forbidden : List.of("http://", "https://", "<script", "<link", "url(", "@import", "<iframe", "<object", "file:")) {
            assertFalse(html.toLowerCase().contains(forbidden), "the report contains " + forbidden);
        }
        Matcher m = Pattern.compile("<img src=\"([^\"]*)\"").matcher(html);
        int n = 0;
        while (m.find()) {
            String src = m.group(1);
            assertTrue(src.startsWith("data:image/png;base64,"), "image not embedded: " + src.substring(0, Math.min(80, src.length())));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()))));
            assertNotNull(img, "an embedded image does not decode");
            assertTrue(img.getWidth() > 10 && img.getHeight() > 10);
            n++;
        }
        assertEquals(n, countOf(html, "src="), "every src= is an embedded image");
        return n;
    }

    static int countOf(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    @Test
    void reportsEveryStageOfAFullRun(@TempDir Path tmp) throws Exception {
        Path run = DemoFolders.addPerturbAndDiscover(copy(base, tmp.resolve("run")));
        Path out = HtmlReport.write(run, "topo-omni test-version");
        assertEquals(run.resolve("report.html"), out);
        String html = Files.readString(out);
        keep(out, "full-report.html");

        JsonNode loc = Json.read(run.resolve("localize/topo/summary.json"));
        int contrasts = loc.get("contrasts").size(), designs = loc.get("maps").size();
        assertTrue(contrasts >= 10 && designs == 3, contrasts + " contrasts, " + designs + " designs");
        // layout + a side-by-side map per contrast + 2 profile charts + a pair per design + 2 perturbation curves
        // + dendrogram + collage and map of 5 clusters + 2 training curves
        assertEquals(1 + contrasts + 2 + designs + 2 + 1 + 10 + 2, assertSelfContained(html));

        for (String id : List.of("top", "layout", "islands", "maps", "profiles", "retinotopy", "perturb", "discover", "training", "pretraining", "run")) {
            String s = id.equals("top") ? html.substring(html.indexOf("<header"), html.indexOf("</header>")) : section(html, id);
            assertFalse(s.contains("Not run."), id + " says not run:\n" + s);
            if (!id.equals("top")) assertTrue(s.contains("What this shows:"), id);
        }
        for (String c : iterable(loc.get("contrasts").fieldNames())) assertTrue(html.contains("id=\"map-" + c + "\""), c);

        Map<String, String> checks = checklist(html);
        assertEquals("fail", statusOf(checks, "The base model names the visual categories [≥ 90% of held-out images] => 50.00%"), checks.toString());
        assertEquals("pass", statusOf(checks, "The base model names the auditory categories [≥ 85% of held-out sounds] => 90.00%"));
        assertEquals("pass", statusOf(checks, "The base model has learned language [text perplexity below the unigram baseline's] => 20.0 vs 50.0"));
        assertEquals("pass", statusOf(checks, "Training with the spatial loss makes neighbouring units respond alike; the control's do not "
                + "[held-out spatial loss ≤ 0.6× the control's] => 0.150 vs 0.500 (0.30×)"));
        assertEquals("pass", statusOf(checks, "The adaptors keep what the model answers [≥ 98% of held-out answers as the base model's] => 99%"));
        assertEquals("pass", statusOf(checks, "The adaptors keep what the model answers and how well it names categories "
                + "[category accuracy within 1 point of the base model's] => 80.0% vs 80.5%"));
        assertEquals("pass", statusOf(checks, "Driving the face region makes the model report faces on images of other categories "
                + "[≥ 80% face answers on other images at ≤ 15% coverage] => 85% at 15% (random mask 3%)"));
        assertEquals("pass", statusOf(checks, "Suppressing the face region takes face identification away and spares the other categories "
                + "[top 10% face units: faces drop ≥ 50 points, the others ≤ 10 points] => faces −70 points, others −5 points"));
        assertEquals("pass", statusOf(checks, "Screening without labels finds regions for categories that no localizer names [≥ 2 such categories, "
                + "each a cluster of ≥ 20 stimuli with purity ≥ 0.8 and island Moran's I ≥ 0.4] => animals, landscapes"));
        assertEquals("pass", statusOf(checks, "The analyses run within their budget [localizers, perturbation and screening together ≤ 5 min] "
                + "=> 2.7 min: localizers 81.0 s, perturbation 50.0 s, screening 30.0 s"));
        for (String region : List.of("Face", "Scene", "Voice- or speech", "Language")) {
            String s = statusOf(checks, region + "-selective region: smooth islands, fewer than the control's [");
            assertTrue(s.equals("pass") || s.equals("fail"), region + " " + s);
        }
        // the paper's effects carry the paper's value beside them (from PaperValues); the run's needs are this project's own bars
        Map<String, String> paper = new LinkedHashMap<>();
        for (Row r : rows(html)) paper.put(r.key().substring(0, r.key().indexOf(" [")), r.paper());
        assertEquals("island Moran's I 0.59 (29 islands) vs control 0.13 (120); human brain 0.60 / 0.47",
                paper.get("Voice- or speech-selective region: smooth islands, fewer than the control's"));
        assertEquals("voice contrast only: island Moran's I 0.59 (29 islands) vs control 0.13 (120)",
                paper.get("Face-selective region: smooth islands, fewer than the control's"), "the paper gives island numbers for the voice contrast alone");
        assertEquals(PaperValues.DRIVE, paper.get("Driving the face region makes the model report faces on images of other categories"));
        assertEquals(PaperValues.SUPPRESS, paper.get("Suppressing the face region takes face identification away and spares the other categories"));
        assertEquals("54 clusters; new regions for animals and natural landscapes", paper.get("Screening without labels finds regions for categories that no localizer names"));
        assertEquals(PaperValues.NOT_REPORTED, paper.get("Training with the spatial loss makes neighbouring units respond alike; the control's do not"));
        assertNull(paper.get("The base model names the visual categories"), "a target of this project, not a claim of the paper");
        assertEquals(8, paper.values().stream().filter(java.util.Objects::nonNull).count(), "spatial loss, four island groups, drive, suppress, screening");
        String top = html.substring(html.indexOf("<header"), html.indexOf("</header>"));
        assertTrue(top.contains("The paper's effects, reproduced or not:</b> <span class=\"badge pass\">"), top.substring(0, 400));
        // uncoloured where no target exists: the face profile card
        assertTrue(html.contains("<div class=\"card none\"><div class=\"label\">Face units vs human FFA"), "face profile card");
        // the best perturbation effect is the face drive at 30% (95% vs 4% random)
        assertTrue(html.contains("<div class=\"card pass\"><div class=\"label\">Best perturbation effect</div><div class=\"value\">+91 points</div>"), html.substring(html.indexOf("Best perturbation"), html.indexOf("Best perturbation") + 400));
        // the paper's and the human brain's values, with their sources
        String islands = section(html, "islands");
        for (String v : List.of("0.594", ">29<", "0.126", ">120<", "0.598", "0.465", "Pernet", "Fig. B3b")) assertTrue(islands.contains(v), v);
        String profiles = section(html, "profiles");
        assertTrue(profiles.contains("0.88") && profiles.contains("0.61") && profiles.contains("0.89"), "paper profile values");
        assertTrue(section(html, "discover").contains("<b>no: a discovery</b>"));
        assertTrue(section(html, "discover").contains("<td class=\"l\">scrambled_objects</td><td>90%</td><td class=\"l\">yes</td>"),
                "a localizer's OFF condition is named by it, so a pure cluster of it is no discovery");
        // which other categories a suppression hits (10% coverage: bodies 50% -> 25%, random 45%), and each hidden label's own map
        String perturb = section(html, "perturb");
        assertTrue(perturb.contains("Specificity:") && perturb.contains("<td>50% &rarr; 25% (45%)</td>") && perturb.contains("<td>70% &rarr; 75% (70%)</td>"), perturb);
        String discover = section(html, "discover");
        assertTrue(discover.contains("Hidden categories") && discover.contains("<td>0.42</td><td>123</td><td>0.47</td><td>2</td>"), discover);
        assertTrue(discover.contains("<td class=\"l\">birds</td><td>64</td><td>none</td>"), "a label without a cluster or map");
        String runSection = section(html, "run");
        assertTrue(runSection.contains("topo-omni test-version"), "versions");
        assertTrue(runSection.contains("7 (pretraining)"), "seed");
        assertTrue(runSection.contains("localizers on topo"), "timings");
    }

    @Test
    void theIslandTableSaysHowFarAContrastWithoutUnitsIsAndWhenFewerIslandsCannotHappen(@TempDir Path tmp) throws Exception {
        Path run = copy(base, tmp.resolve("run"));
        for (String m : List.of("topo", "control")) {
            Path f = run.resolve("localize/" + m + "/summary.json");
            com.fasterxml.jackson.databind.node.ObjectNode s = (com.fasterxml.jackson.databind.node.ObjectNode) Json.read(f);
            com.fasterxml.jackson.databind.node.ObjectNode speech = (com.fasterxml.jackson.databind.node.ObjectNode) s.path("contrasts").path("speech");
            speech.put("n_significant", 0).put("n_islands", 0).put("n_significant_islands", 0).putNull("island_morans_i");
            speech.putObject("peak").put("t", 4.05).put("q", m.equals("topo") ? 0.0043 : 0.02);
            com.fasterxml.jackson.databind.node.ObjectNode voice = (com.fasterxml.jackson.databind.node.ObjectNode) s.path("contrasts").path("voice");
            voice.put("n_significant", 400).put("n_islands", 1).put("n_significant_islands", 1).put("island_morans_i", m.equals("topo") ? 0.74 : 0.07);
            Json.write(f, s);
        }
        String islands = section(Files.readString(HtmlReport.write(run, "v")), "islands");
        assertTrue(islands.contains("no unit passes; peak t 4.1, q 0.0043") && islands.contains("q 0.020"), islands);
        assertTrue(islands.contains("the control has one island: no map with an island has fewer"), islands);
    }

    @Test
    void theDemoTimeCountsAsFromScratchUnlessTheDemoSaysItReusedAStage(@TempDir Path tmp) throws Exception {
        Path run = DemoFolders.addPerturbAndDiscover(copy(base, tmp.resolve("run")));
        com.fasterxml.jackson.databind.node.ObjectNode results = (com.fasterxml.jackson.databind.node.ObjectNode) Json.read(run.resolve("results.json"));
        results.put("quick", false);
        ((com.fasterxml.jackson.databind.node.ObjectNode) results.get("timings")).put("compare topographic vs control", 0.3).put("total", 1500.0);
        results.putArray("reused_stages"); // none: a run from an empty cache, whose comparison takes 0.3 s
        Json.write(run.resolve("results.json"), results);
        Map<String, String> checks = checklist(Files.readString(HtmlReport.write(run, "v")));
        assertEquals("pass", statusOf(checks, "The demo runs from nothing to the report within its budget [≤ 30 min] => 25.0 min"), checks.toString());
        assertEquals("pass", statusOf(checks, "The analyses run within their budget"));

        results.putArray("reused_stages").add("pretrain the base model (tinyomni)"); // the cached checkpoint of another run
        Json.write(run.resolve("results.json"), results);
        String html = Files.readString(HtmlReport.write(run, "v"));
        checks = checklist(html);
        assertEquals("missing", statusOf(checks, "The demo runs from nothing to the report within its budget [≤ 30 min] => 25.0 min (stages reused: not a run from scratch)"));
        assertEquals("pass", statusOf(checks, "The analyses run within their budget"), "their own stages were timed");
        assertTrue(section(html, "run").contains("Stages reused from elsewhere (pretrain the base model (tinyomni))"));

        results.remove("reused_stages"); // an older run folder: a sub-second stage is taken as reused
        Json.write(run.resolve("results.json"), results);
        checks = checklist(Files.readString(HtmlReport.write(run, "v")));
        assertEquals("missing", statusOf(checks, "The demo runs from nothing to the report within its budget"));
    }

    static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void aBaselineRunIsSetBesideThisOneMeasureByMeasure(@TempDir Path tmp) throws Exception {
        Path run = DemoFolders.addPerturbAndDiscover(copy(base, tmp.resolve("run")));
        Path scratch = copy(base, tmp.resolve("scratch")); // a baseline that ran no perturbation or screening
        com.fasterxml.jackson.databind.node.ObjectNode results = (com.fasterxml.jackson.databind.node.ObjectNode) Json.read(scratch.resolve("results.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) results.get("pretrain")).put("visual_accuracy", 0.35);
        Json.write(scratch.resolve("results.json"), results);
        for (Path dir : List.of(run, scratch)) {
            String arch = dir == run ? "pretrained-omni" : "tinyomni";
            Json.write(dir.resolve("topo/cortical.json"), Map.of("architecture", arch, "seed", 7, "alpha", 20.0, "steps", 10));
        }
        List<BaselineSection.Row> rows = BaselineSection.rows(new RunFolder(run), new RunFolder(scratch));
        BaselineSection.Row visual = rows.get(0);
        assertEquals("held-out visual accuracy", visual.measure());
        assertEquals(0.5, visual.a());
        assertEquals(0.35, visual.b());
        BaselineSection.Row faces = rows.stream().filter(r -> r.measure().equals("held-out accuracy, faces")).findFirst().orElseThrow();
        assertEquals(0.75, faces.a());
        BaselineSection.Row drive = rows.stream().filter(r -> r.measure().startsWith("driving the face cluster")).findFirst().orElseThrow();
        assertEquals(0.85, drive.a(), 1e-9, "the fixture's faces drive 85% at 15% coverage");
        assertEquals("not run", drive.baseline());
        assertTrue(rows.stream().anyMatch(r -> r.measure().startsWith("island Moran's I, faces")), "the islands of each contrast with a target");

        String html = Files.readString(HtmlReport.write(run, scratch, "topo-omni test-version"));
        assertTrue(html.contains("This model vs the baseline run"), "the section");
        assertTrue(html.contains("<th>pretrained-omni (this run)</th><th>tinyomni (baseline)</th>"), "both architectures head their columns");
        assertTrue(html.contains("<td class=\"higher\">50%</td><td>35%</td>"), "the higher visual accuracy is marked");
        assertFalse(Files.readString(HtmlReport.write(run)).contains("This model vs the baseline run"), "no baseline, no section");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HtmlReport.write(run, tmp.resolve("nothing")));
        assertEquals("no run folder at " + tmp.resolve("nothing"), e.getMessage());
    }

    @Test
    void saysPlainlyWhichStagesWereNotRun(@TempDir Path tmp) throws Exception {
        Path run = copy(base, tmp.resolve("run"));
        String html = Files.readString(HtmlReport.write(run));
        keep(run.resolve("report.html"), "report-without-perturb-discover.html");
        assertSelfContained(html);
        for (String id : List.of("perturb", "discover")) {
            String s = section(html, id);
            assertTrue(s.contains("Not run."), id);
            assertFalse(Pattern.compile("\\d\\s*%").matcher(s).find(), id + " shows a percentage although it was not run:\n" + s);
            assertFalse(s.contains("<img"), id);
            assertFalse(s.contains("class=\"pass\"") || s.contains("class=\"fail\""), id);
        }
        Map<String, String> checks = checklist(html);
        assertEquals("missing", statusOf(checks, "Driving the face region makes the model report faces on images of other categories "
                + "[≥ 80% face answers on other images at ≤ 15% coverage] => not run"));
        assertEquals("missing", statusOf(checks, "Suppressing the face region takes face identification away and spares the other categories"));
        assertEquals("missing", statusOf(checks, "Screening without labels finds regions for categories that no localizer names"));
        assertTrue(html.contains("<div class=\"card missing\"><div class=\"label\">Best perturbation effect</div><div class=\"value\">not run</div>"));
        // the stages that ran are still reported
        assertFalse(section(html, "maps").contains("Not run."));
        assertFalse(section(html, "training").contains("Not run."));
    }

    @Test
    void badInputIsAClearError(@TempDir Path tmp) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HtmlReport.write(tmp.resolve("nothing")));
        assertEquals("no run folder at " + tmp.resolve("nothing"), e.getMessage());
        Files.createDirectories(tmp.resolve("empty"));
        e = assertThrows(IllegalArgumentException.class, () -> HtmlReport.write(tmp.resolve("empty")));
        assertTrue(e.getMessage().startsWith(tmp.resolve("empty") + " is not a demo output folder: it has none of results.json"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("empty/report.html")));
        Files.writeString(tmp.resolve("file"), "x");
        e = assertThrows(IllegalArgumentException.class, () -> HtmlReport.write(tmp.resolve("file")));
        assertTrue(e.getMessage().contains("is a file, not a demo run folder"), e.getMessage());
        Files.createDirectories(tmp.resolve("corrupt"));
        Files.writeString(tmp.resolve("corrupt/results.json"), "{\"pretrain\": ");
        e = assertThrows(IllegalArgumentException.class, () -> HtmlReport.write(tmp.resolve("corrupt")));
        assertTrue(e.getMessage().startsWith(tmp.resolve("corrupt/results.json") + " is not valid JSON"), e.getMessage());
        // a perturbation summary whose curves do not match their coverage names the file and the list
        Path run = copy(base, tmp.resolve("run"));
        Files.createDirectories(run.resolve("perturb/topo"));
        Files.writeString(run.resolve("perturb/topo/summary.json"), "{\"model\": \"topo\", \"categories\": {\"faces\": {\"coverage\": [0, 10], \"drive_rate\": [0.1]}}}");
        e = assertThrows(IllegalArgumentException.class, () -> HtmlReport.write(run));
        assertTrue(e.getMessage().contains("perturb/topo/summary.json faces: \"drive_rate\" has 1 values but \"coverage\" has 2"), e.getMessage());
        assertFalse(Files.exists(run.resolve("report.html")), "nothing half-written");
    }

    @Test
    void paperValuesAreTheShippedReference() throws IOException {
        try (InputStream in = HtmlReportTest.class.getResourceAsStream("/reference/island_morans_i_human_voice.json")) {
            JsonNode r = new ObjectMapper().readTree(in);
            assertEquals(r.at("/model_in_paper/topo_omni_I").asDouble(), PaperValues.VOICE_TOPO_I);
            assertEquals(r.at("/model_in_paper/topo_omni_n_islands").asInt(), PaperValues.VOICE_TOPO_ISLANDS);
            assertEquals(r.at("/model_in_paper/nontopo_I").asDouble(), PaperValues.VOICE_CONTROL_I);
            assertEquals(r.at("/model_in_paper/nontopo_n_islands").asInt(), PaperValues.VOICE_CONTROL_ISLANDS);
            assertEquals(r.at("/human/lh/I").asDouble(), PaperValues.HUMAN_LH_I);
            assertEquals(r.at("/human/lh/n_islands").asInt(), PaperValues.HUMAN_LH_ISLANDS);
            assertEquals(r.at("/human/rh/I").asDouble(), PaperValues.HUMAN_RH_I);
            assertEquals(r.at("/human/rh/n_islands").asInt(), PaperValues.HUMAN_RH_ISLANDS);
        }
        assertEquals("Paper (voice): Topo-Omni 0.594 with 29 islands vs control 0.126 with 120 islands; human brain 0.598 (lh) / 0.465 (rh).",
                PaperValues.voiceIslandsLine());
    }

    @Test
    void perturbationCurvesReadPercentOrFractionsAndGiveTheEffects() {
        JsonNode percent = new ObjectMapper().valueToTree(Map.of("categories", Map.of("faces", Map.of(
                "coverage", List.of(0, 5, 10, 15), "drive_rate", List.of(0.0, 0.5, 0.7, 0.79),
                "suppress_accuracy", List.of(0.9, 0.6, 0.35, 0.2), "suppress_other_accuracy", List.of(0.7, 0.7, 0.65, 0.6),
                "random_drive_rate", List.of(0.0, 0.01, 0.02, 0.02)))));
        PerturbCurves f = PerturbCurves.of(Json.convert(percent, PerturbationSummary.class, "test")).get("faces");
        assertArrayEquals(new double[] {0, 0.05, 0.10, 0.15}, f.coverage(), 1e-12);
        assertEquals(3, f.bestDrive(0.15));
        assertEquals(Status.FAIL, Verdicts.drive(f), "79% < 80%");
        assertEquals(0.55, f.suppressDrop(2), 1e-12);
        assertEquals(Status.PASS, Verdicts.suppress(f));
        assertTrue(Double.isNaN(f.randomSuppress()[1]), "absent curves read as NaN");
        PerturbCurves.Effect best = PerturbCurves.best(Map.of("faces", f));
        assertEquals("drive", best.intervention());
        assertEquals(0.15, best.coverage(), 1e-12);
        assertEquals(0.77, best.size(), 1e-12);
        JsonNode fractions = new ObjectMapper().valueToTree(Map.of("categories", Map.of("faces", Map.of("coverage", List.of(0, 0.1), "drive_rate", List.of(0.1, 0.9)))));
        PerturbCurves g = PerturbCurves.of(Json.convert(fractions, PerturbationSummary.class, "test")).get("faces");
        assertArrayEquals(new double[] {0, 0.1}, g.coverage(), 1e-12);
        assertEquals(Status.PASS, Verdicts.drive(g));
        assertEquals(Status.MISSING, Verdicts.suppress(g), "no suppress curve: not measured");
        JsonNode none = new ObjectMapper().valueToTree(Map.of("categories", Map.of("faces", Map.of("coverage", List.of(0, 0.3), "drive_rate", List.of(0.1, 0.9)))));
        assertEquals(Status.MISSING, Verdicts.drive(PerturbCurves.of(Json.convert(none, PerturbationSummary.class, "test")).get("faces")),
                "no coverage up to 15%: not measured, not failed");
    }
}
