package org.topoomni.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.map.Contrasts;
import org.topoomni.map.MapFixtures;
import org.topoomni.io.Npy;
import org.topoomni.plot.SheetMapFigure;
import org.topoomni.plot.SheetPanel;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.sheet.SheetResponses;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LocalizerReportTest {

    @TempDir
    Path dir;

    /** Set -Dfigures=DIR to keep the figures for looking at them. */
    static void keep(Path from, String name) throws Exception {
        String keep = System.getProperty("figures");
        if (keep == null) return;
        Path to = Path.of(keep).resolve(name);
        Files.createDirectories(to.getParent());
        Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static Path localize(Path out, boolean topographic, long seed) throws Exception {
        SheetLayout l = MapFixtures.tiny();
        SheetResponses r = MapFixtures.localizer(l, topographic, 12, 4, 3.0, seed);
        LocalizerReport.run(r, Contrasts.available(Contrasts.standard(), r.categories()),
                LocalizerReport.Options.defaults(topographic ? "tiny-topographic" : "tiny-control"), out, null);
        return out;
    }

    @Test
    void writesEveryOutputOfTheIssue() throws Exception {
        Path out = localize(dir.resolve("topo"), true, 1);
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("tiny-topographic", s.get("model").asText());
        JsonNode contrasts = s.get("contrasts");
        assertEquals(Contrasts.names(Contrasts.standard()), iterable(contrasts.fieldNames()));
        for (String name : Contrasts.names(Contrasts.standard())) {
            JsonNode c = contrasts.get(name);
            assertTrue(c.get("n_significant").isInt(), name);
            assertTrue(c.get("island_morans_i").isNumber() || c.get("island_morans_i").isNull(), name);
            assertTrue(c.get("n_islands").isInt(), name);
            assertTrue(c.get("n_significant_islands").isInt(), name);
            JsonNode peak = c.get("peak");
            for (String k : List.of("row", "col", "layer")) assertTrue(peak.get(k).isInt(), name + " peak " + k);
            assertTrue(peak.get("stack").isTextual(), name);
            Path cd = out.resolve(name);
            for (String f : List.of("tmap.npy", "qmap.npy", "mask.npy", "map.png", "summary.json")) assertTrue(Files.isRegularFile(cd.resolve(f)), cd.resolve(f).toString());
            assertArrayEquals(new int[] {48, 64}, Npy.read(cd.resolve("tmap.npy")).shape());
            assertEquals(Npy.DType.BOOL, Npy.read(cd.resolve("mask.npy")).dtype());
            int n = 0;
            for (boolean b : Npy.read(cd.resolve("mask.npy")).asBools()) if (b) n++;
            assertEquals(c.get("n_significant").asInt(), n, name);
        }
        // the planted face bump is found where it was planted, with one island
        JsonNode faces = contrasts.get("faces");
        assertEquals("vision", faces.get("peak").get("stack").asText());
        assertTrue(faces.get("n_significant").asInt() > 20, faces.toString());
        assertTrue(faces.get("island_morans_i").asDouble() > 0.3, faces.toString());
        assertEquals(1, faces.get("n_islands").asInt(), faces.toString());
        for (String m : List.of("retinotopy_angle", "retinotopy_eccentricity", "tonotopy")) {
            assertTrue(s.get("maps").has(m), m);
            assertTrue(Files.isRegularFile(out.resolve(m).resolve("preferred.npy")));
            assertTrue(Files.isRegularFile(out.resolve(m).resolve("map.png")));
        }
        List<String> csv = Files.readAllLines(out.resolve("profiles.csv"));
        assertTrue(csv.get(0).startsWith("contrast,kind,region,human_roi,human_roi_labels,k_percent,fwhm,n_units,n_conditions,pearson_r,spearman_rho,paper_r"));
        assertEquals(1 + Contrasts.standard().size(), csv.size());
        assertTrue(csv.stream().anyMatch(x -> x.startsWith("faces,sensory,vision,FFA,lh_ffa,1.0,")), String.join("\n", csv));
        assertTrue(s.get("profiles").get("faces").get("pearson_r").isNumber());
        assertEquals(0.88, s.get("profiles").get("faces").get("paper_r").asDouble());
        assertTrue(Files.isRegularFile(out.resolve("profiles.png")));
        assertTrue(Files.isRegularFile(out.resolve("layout.json")));
        assertEquals(0.5938924589442801, s.get("reference").get("voice_island_morans_i").get("model_in_paper").get("topo_omni_I").asDouble());
        keep(out.resolve("faces/map.png"), "tiny_faces_map.png");
        keep(out.resolve("retinotopy_angle/map.png"), "tiny_retinotopy_angle.png");
        keep(out.resolve("tonotopy/map.png"), "tiny_tonotopy.png");
        keep(out.resolve("language/map.png"), "tiny_language_map.png");
        keep(out.resolve("profiles.png"), "tiny_profiles.png");
    }

    static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void mapPngsRenderAtAReadableSize() throws Exception {
        Path out = localize(dir.resolve("topo"), true, 2);
        BufferedImage img = ImageIO.read(out.resolve("faces/map.png").toFile());
        assertTrue(img.getWidth() >= 900 && img.getWidth() <= 1400, "width " + img.getWidth());
        assertTrue(img.getHeight() > 48 * 10, "height " + img.getHeight());
        assertFalse(blank(img));
        // the sheet is drawn 16 pixels per cell on a 48 x 64 sheet
        assertEquals(16, SheetPanel.scaleFor(MapFixtures.tiny(), 1000, 1000));
        assertEquals(2, SheetPanel.scaleFor(org.topoomni.sheet.SheetPresets.qwen25Omni3b(), 1000, 1000));
    }

    /** True if the image has fewer than 10 distinct colours. */
    static boolean blank(BufferedImage img) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
        return colours.size() < 10;
    }

    @Test
    void comparesTopographicAndControlRuns() throws Exception {
        Path a = localize(dir.resolve("topo"), true, 3), b = localize(dir.resolve("control"), false, 3);
        List<RunComparison.Row> rows = RunComparison.run(a, b, "topographic", "control", dir.resolve("cmp"));
        assertEquals(Contrasts.names(Contrasts.standard()), rows.stream().map(RunComparison.Row::contrast).toList());
        RunComparison.Row faces = rows.get(0);
        assertTrue(faces.iA() > faces.iB() || Double.isNaN(faces.iB()), faces.toString());
        assertTrue(Files.isRegularFile(dir.resolve("cmp/faces.png")));
        List<String> md = Files.readAllLines(dir.resolve("cmp/comparison.md"));
        assertTrue(md.get(0).startsWith("| contrast | Moran's I topographic | Moran's I control |"), md.get(0));
        assertEquals(2 + rows.size(), md.stream().filter(x -> x.startsWith("|")).count());
        assertTrue(Files.readString(dir.resolve("cmp/comparison.csv")).startsWith("contrast,morans_i_topographic,morans_i_control,ratio,"));
        BufferedImage img = ImageIO.read(dir.resolve("cmp/faces.png").toFile());
        assertFalse(blank(img));
        assertTrue(img.getWidth() >= 900 && img.getWidth() <= 1500, "width " + img.getWidth());
        keep(dir.resolve("cmp/faces.png"), "tiny_compare_faces.png");
        keep(b.resolve("faces/map.png"), "tiny_control_faces_map.png");
    }

    @Test
    void rendersThePapersSheet() throws Exception {
        SheetLayout l = org.topoomni.sheet.SheetPresets.qwen25Omni3b();
        SheetResponses r = org.topoomni.map.SyntheticResponses.onOff(l, 12, 12, org.topoomni.bench.AnalysisBenchmark.patches(l), 2, 1);
        var m = org.topoomni.map.SelectivityAnalysis.run(r, new org.topoomni.map.Contrast("patches", List.of("on"), List.of("off"),
                org.topoomni.map.Region.VISION, org.topoomni.map.Contrast.Kind.SENSORY, null), org.topoomni.map.SelectivityAnalysis.Settings.defaults());
        BufferedImage img = SheetMapFigure.selectivity(m.figure(), "synthetic patches on the 304 x 512 sheet");
        assertEquals(2 * 512 + SheetPanel.LEFT + SheetPanel.RIGHT + 14 + 110, img.getWidth());
        assertFalse(blank(img));
        Path f = dir.resolve("big.png");
        org.topoomni.io.AtomicFiles.writePng(f, img);
        keep(f, "qwen_patches_map.png");
    }
}
