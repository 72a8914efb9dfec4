package org.topoomni.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.backbones.pretrained.PretrainedOmni;
import org.topoomni.backbones.pretrained.PretrainedOmniConfig;
import org.topoomni.io.LayoutJson;
import org.topoomni.registry.Backbones;
import org.topoomni.sheet.SheetLayout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The embedded default end to end on small sizes ({@link PretrainedOmniConfig#testTiny()}, the
 * real towers): pretrain (both phases, a few steps), then train (cached),
 * localize, perturb and ask on it through the command line.
 */
class PretrainedOmniCliTest {

    @Test
    void aTinyPretrainedOmniGoesThroughPretrainTrainLocalizePerturbAndAsk(@TempDir Path tmp) throws Exception {
        assertEquals(PretrainedOmni.ARCHITECTURE, Backbones.EMBEDDED_DEFAULT);
        Path lib = tmp.resolve("lib"), base = tmp.resolve("base"), topo = tmp.resolve("topo"), loc = tmp.resolve("loc"), pert = tmp.resolve("perturb");
        Path cfg = tmp.resolve("tiny.json");
        Files.writeString(cfg, PretrainedOmniConfig.testTiny().toString());
        CliTest.Run g = CliTest.run("stimuli", "generate", "--out", lib.toString(), "--per-category", "8", "--family", "visual", "--no-progress");
        assertEquals(0, g.code(), g.err());
        g = CliTest.run("stimuli", "generate", "--out", lib.toString(), "--per-category", "4", "--family", "auditory,text,audiovisual", "--no-progress");
        assertEquals(0, g.code(), g.err());

        // the architecture comes from the sizes in --config
        String[] pretrain = {"pretrain", "--out", base.toString(), "--stimuli", lib.toString(), "--config", cfg.toString(),
                "--encoder-steps", "3", "--steps", "4", "--batch", "8", "--extra", "0"};
        CliTest.Run p = CliTest.run(pretrain);
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("visual accuracy") && p.out().contains(PretrainedOmni.ARCHITECTURE + " model written"), p.out());
        for (String f : List.of("config.json", "model.safetensors", "vocabulary.json", "metrics.json", "answers.csv", "curve.csv", "encoder-curve.csv")) {
            assertTrue(Files.isRegularFile(base.resolve(f)), f + " missing");
        }
        assertFalse(Files.exists(base.resolve("train-state")) || Files.exists(base.resolve("encoder-state")), "the resumable states are removed at the end");
        JsonNode config = new ObjectMapper().readTree(base.resolve("config.json").toFile());
        assertEquals(PretrainedOmni.ARCHITECTURE, config.path("architecture").asText());
        assertEquals("@vladmandic/human", config.path("towers").path("vision").path("npm_package").asText());
        assertEquals(64, config.path("towers").path("vision").path("sha256").path("centernet.bin").asText().length());
        assertFalse(config.path("towers").path("text").path("version").asText().isEmpty());
        JsonNode metrics = new ObjectMapper().readTree(base.resolve("metrics.json").toFile());
        for (String k : List.of("visual_accuracy", "auditory_accuracy", "perplexity", "unigram_perplexity", "seconds", "wall_seconds", "cpu_seconds",
                "encoder_head_accuracy", "accuracy_by_category", "seed")) {
            assertTrue(metrics.has(k), "metrics.json lacks " + k);
        }
        assertEquals(3, metrics.path("encoder_steps").asInt());
        assertTrue(metrics.path("visual_items").asInt() > 0 && metrics.path("auditory_items").asInt() > 0, metrics.toString());
        assertEquals(metrics.path("visual_items").asInt(), countKind(base, "visual"), "every held-out image was answered");
        assertEquals(metrics.path("auditory_items").asInt(), countKind(base, "auditory"), "every held-out sound was answered");

        CliTest.Run sheet = CliTest.run("sheet", "--model", base.toString());
        assertEquals(0, sheet.code(), sheet.err());
        assertTrue(sheet.out().contains("sheet 66 x 72"), sheet.out());

        CliTest.Run t = CliTest.run("train", "--model", base.toString(), "--out", topo.toString(), "--stimuli", lib.toString(),
                "--mode", "cached", "--steps", "4", "--batch", "4");
        assertEquals(0, t.code(), t.err());
        SheetLayout saved = LayoutJson.read(topo.resolve("layout.json"));
        assertEquals(18, saved.band("vision").stack().layers(), "the 17 MobileNetV3 sites and the adapter");
        assertEquals(PretrainedOmni.ARCHITECTURE, new ObjectMapper().readTree(topo.resolve("cortical.json").toFile()).path("architecture").asText());

        // two localizer categories of which the pretraining held images out: the perturbation's probe images
        long seed = metrics.path("seed").asLong();
        var visual = org.topoomni.perturb.PerceptionProbe.visualSet(lib);
        List<String> probed = List.of("faces", "bodies", "objects", "scenes", "words").stream()
                .filter(c -> visual.items(c).stream().anyMatch(i -> org.topoomni.task.HeldOut.isHeldOut("visual", i, org.topoomni.task.HeldOut.FRACTION, seed)))
                .limit(2).toList();
        assertEquals(2, probed.size(), "the tiny library holds held-out images of two localizer categories");
        String cats = String.join(",", probed);
        CliTest.Run l = CliTest.run("localize", "--model", topo.toString(), "--stimuli", lib.toString(), "--out", loc.toString(),
                "--contrasts", cats + ",speech");
        assertEquals(0, l.code(), l.err());
        assertTrue(Files.isRegularFile(loc.resolve(probed.get(0) + "/tmap.npy")) && Files.isRegularFile(loc.resolve("speech/tmap.npy")));

        CliTest.Run r = CliTest.run("perturb", "--model", topo.toString(), "--localizer", loc.toString(), "--stimuli", lib.toString(),
                "--out", pert.toString(), "--categories", cats, "--coverage", "0,10", "--random-masks", "1", "--per-category", "2", "--max-tokens", "3");
        assertEquals(0, r.code(), r.err());
        JsonNode ps = new ObjectMapper().readTree(pert.resolve("summary.json").toFile());
        assertEquals(2048 / 10, ps.path("categories").path(probed.get(0)).path("n_units").get(1).asInt(), "10% of the vision stack's 2,048 units");
        assertEquals(seed, ps.path("settings").path("pretrain_seed").asLong(), "the probe images are the pretraining's held-out ones");
        assertEquals(48, ps.path("settings").path("batch_size").asInt(), "without --batch the probe takes the backbone's own rows per pass");

        Path png = Files.walk(lib.resolve("visual")).filter(x -> x.toString().endsWith(".png")).findFirst().orElseThrow();
        CliTest.Run a = CliTest.run("ask", "--model", topo.toString(), "--image", png.toString(), "--max-tokens", "4");
        assertEquals(0, a.code(), a.err());
        CliTest.Run at = CliTest.run("ask", "--model", base.toString(), "--text", "What is 3 + 4?", "--max-tokens", "3");
        assertEquals(0, at.code(), at.err());
    }

    private static long countKind(Path base, String kind) throws java.io.IOException {
        return Files.readAllLines(base.resolve("answers.csv")).stream().skip(1).filter(x -> x.split(",")[1].equals(kind)).count();
    }
}
