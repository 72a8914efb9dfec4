package org.topoomni.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The README's main job, end to end, at its smoke-test scale (--tiny): every stage, results.json with the
 * documented keys, the report; then a run "killed" after the localizers continues without
 * redoing what was finished.
 */
class DemoTinyTest {

    @Test
    void tinyDemoWritesEveryResultAndResumesWithoutRedoingFinishedStages(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("demo");
        CliTest.Run first = CliTest.run("demo", "--tiny", "--out", out.toString());
        assertEquals(0, first.code(), first.out() + first.err());
        assertTrue(first.out().contains("report: "), first.out());

        JsonNode r = org.topoomni.io.Json.read(out.resolve("results.json"));
        for (String k : List.of("visual_accuracy", "auditory_accuracy", "perplexity", "unigram_perplexity", "seconds")) {
            assertTrue(r.path("pretrain").path(k).isNumber(), "pretrain." + k);
        }
        for (String model : List.of("topo", "control")) {
            for (String k : List.of("heldout_spatial_loss", "answer_agreement", "accuracy", "seconds")) {
                assertTrue(r.path("train").path(model).path(k).isNumber(), "train." + model + "." + k);
            }
            assertTrue(r.path("localize").path(model).path("contrasts").path("faces").has("island_morans_i"), "localize." + model);
        }
        // the science at this scale: ten steps of the spatial loss already make the topographic model's held-out
        // responses smoother on the sheet than the control's (measured 0.471 vs 0.498)
        double topoLoss = r.path("train").path("topo").path("heldout_spatial_loss").asDouble(), ctrlLoss = r.path("train").path("control").path("heldout_spatial_loss").asDouble();
        assertTrue(topoLoss < ctrlLoss, "held-out spatial loss, topographic " + topoLoss + " vs control " + ctrlLoss);
        assertTrue(r.path("profiles").isArray() && r.path("profiles").size() >= 9, "profiles");
        assertTrue(r.path("discover").path("clusters").isArray() && r.path("discover").path("clusters").size() > 0, "discover");
        for (String stage : List.of("perturb", "discover")) assertTrue(r.has(stage), stage);
        double rate = r.path("perturb").path("faces").path("drive_rate").path(0).asDouble(-1);
        assertTrue(rate >= 0 && rate <= 1, "rates are fractions: " + rate);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Island Moran") && html.contains("data:image/png;base64,"), "the report");

        assertTrue(r.path("reused_stages").isArray(), "results.json says which stages were reused from elsewhere");
        // killed after the localizers: the perturbation, screening and report are missing
        JsonNode timings = r.path("timings");
        deleteRecursively(out.resolve("perturb"));
        deleteRecursively(out.resolve("discover"));
        Files.delete(out.resolve("report.html"));
        CliTest.Run second = CliTest.run("demo", "--tiny", "--out", out.toString());
        assertEquals(0, second.code(), second.out() + second.err());
        assertTrue(second.out().contains("pretrain the base model (" + org.topoomni.registry.Backbones.EMBEDDED_DEFAULT + ") (already done)"), second.out());
        assertTrue(second.out().contains("train the topographic model (already done)"), second.out());
        assertTrue(second.out().contains("localizers on control (already done)"), second.out());
        assertFalse(second.out().contains("screen the pool for new clusters (already done)"), second.out());
        JsonNode again = org.topoomni.io.Json.read(out.resolve("results.json"));
        assertEquals(timings.path("train the topographic model").asDouble(), again.path("timings").path("train the topographic model").asDouble(),
                "a finished stage keeps the time it took");
        assertTrue(Files.isRegularFile(out.resolve("discover/summary.json")) && Files.isRegularFile(out.resolve("report.html")));
    }

    static void deleteRecursively(Path p) throws java.io.IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
