package org.topoomni.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.io.LayoutJson;
import org.topoomni.registry.Backbones;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.testing.ToyCnnBackbone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A backbone that is not TinyOmni, registered by a test and nothing else: a CNN whose blocks
 * have 8, 16 and 32 channels and an MLP of 20 and 36 units ({@link ToyCnnBackbone}). It goes
 * through sheet, train (cached and full), localize, perturb and ask with no change anywhere but
 * its own class.
 */
class AnyBackboneCliTest {

    @BeforeAll
    static void register() {
        Backbones.register(new ToyCnnBackbone.Factory());
    }

    @Test
    void aCnnPlusMlpGoesThroughTheWholePipeline(@TempDir Path tmp) throws Exception {
        Path lib = tmp.resolve("lib"), base = ToyCnnBackbone.write(tmp.resolve("toy"), 3);
        CliTest.Run g = CliTest.run("stimuli", "generate", "--out", lib.toString(), "--per-category", "6",
                "--family", "visual,audiovisual,text", "--no-progress");
        assertEquals(0, g.code(), g.err());

        CliTest.Run sheet = CliTest.run("sheet", "--model", base.toString());
        assertEquals(0, sheet.code(), sheet.err());
        assertTrue(sheet.out().contains("sheet 8 x 14 = 112 units") && sheet.out().contains("packed"), sheet.out());

        Path topo = tmp.resolve("topo"), full = tmp.resolve("full");
        CliTest.Run t = CliTest.run("train", "--model", base.toString(), "--out", topo.toString(), "--stimuli", lib.toString(),
                "--steps", "4", "--batch", "4", "--radius", "3");
        assertEquals(0, t.code(), t.err());
        for (String f : List.of("adaptors.safetensors", "cortical.json", "layout.json", "curve.csv", "metrics.json", "targets.json")) {
            assertTrue(Files.isRegularFile(topo.resolve(f)), f + " missing");
        }
        SheetLayout saved = LayoutJson.read(topo.resolve("layout.json"));
        assertArrayEquals(new int[] {8, 16, 32}, saved.band("cnn").stack().widths(), "the sheet saved with the model keeps the blocks' widths");
        JsonNode meta = new ObjectMapper().readTree(topo.resolve("cortical.json").toFile());
        assertEquals(ToyCnnBackbone.ARCHITECTURE, meta.path("architecture").asText());
        CliTest.Run f = CliTest.run("train", "--model", base.toString(), "--out", full.toString(), "--stimuli", lib.toString(),
                "--steps", "2", "--batch", "4", "--radius", "3", "--mode", "full", "--text-weight", "0");
        assertEquals(0, f.code(), f.err());
        assertTrue(Double.isFinite(new ObjectMapper().readTree(full.resolve("metrics.json").toFile()).path("heldout_spatial_loss").asDouble(Double.NaN)));

        Path loc = tmp.resolve("loc");
        CliTest.Run l = CliTest.run("localize", "--model", topo.toString(), "--stimuli", lib.toString(), "--out", loc.toString(),
                "--contrasts", "faces,bodies");
        assertEquals(0, l.code(), l.err());
        assertTrue(Files.isRegularFile(loc.resolve("faces/tmap.npy")));
        assertTrue(Files.isRegularFile(loc.resolve("faces/map.png")) || Files.list(loc.resolve("faces")).anyMatch(p -> p.toString().endsWith(".png")));
        JsonNode summary = new ObjectMapper().readTree(loc.resolve("summary.json").toFile());
        assertEquals(6, summary.path("contrasts").path("faces").path("n_on").asInt(), summary.toString());

        Path pert = tmp.resolve("perturb");
        CliTest.Run p = CliTest.run("perturb", "--model", topo.toString(), "--localizer", loc.toString(), "--stimuli", lib.toString(),
                "--out", pert.toString(), "--categories", "faces,bodies", "--coverage", "0,20", "--random-masks", "1", "--per-category", "3",
                "--max-tokens", "1");
        assertEquals(0, p.code(), p.err());
        JsonNode ps = new ObjectMapper().readTree(pert.resolve("summary.json").toFile());
        assertEquals(2, ps.path("categories").path("faces").path("n_units").size());
        assertEquals(56 / 5, ps.path("categories").path("faces").path("n_units").get(1).asInt(), "20% of the cnn stack's 56 units");
        assertTrue(ps.path("settings").path("pretrain_seed").isNull(), "a backbone not pretrained here: every library image is a probe image");

        Path img = lib.resolve("visual").resolve(Files.list(lib.resolve("visual")).filter(x -> Files.isDirectory(x)).findFirst().orElseThrow().getFileName());
        Path png = Files.walk(img).filter(x -> x.toString().endsWith(".png")).findFirst().orElseThrow();
        CliTest.Run a = CliTest.run("ask", "--model", topo.toString(), "--image", png.toString());
        assertEquals(0, a.code(), a.err());
        assertTrue(List.of("nothing", "a face", "a body", "an object", "a place", "written words", "a scrambled picture", "an animal")
                .contains(a.out().strip()), a.out());
    }

    @Test
    void anUnknownArchitectureIsAClearErrorListingTheSupportedOnes(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("config.json"), "{\"architectures\": [\"LlamaForCausalLM\"], \"model_type\": \"llama\"}");
        CliTest.Run r = CliTest.run("ask", "--model", tmp.toString(), "--text", "hello");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("[\"LlamaForCausalLM\"]") && r.err().contains("cannot open") && r.err().contains("tinyomni"), r.err());
        CliTest.Run s = CliTest.run("sheet", "--model", tmp.resolve("missing").toString());
        assertEquals(2, s.code());
        assertTrue(s.err().contains("model folder not found"), s.err());
    }
}
