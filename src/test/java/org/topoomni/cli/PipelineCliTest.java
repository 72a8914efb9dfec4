package org.topoomni.cli;

import org.topoomni.backbones.tinyomni.OmniConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.topoomni.results.TrainingMetrics;
import org.topoomni.results.RoundTrip;
import org.topoomni.results.PretrainMetrics;
import org.topoomni.results.LocalizerSummary;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The whole pipeline on a tiny config: stimuli -> pretrain -> train (topo + control) -> localize -> compare. */
class PipelineCliTest {

    @Test
    void tinyEndToEnd(@TempDir Path tmp) throws Exception {
        Path lib = tmp.resolve("lib"), model = tmp.resolve("model"), topo = tmp.resolve("topo"), ctrl = tmp.resolve("control");
        Path cfg = tmp.resolve("tiny.json");
        Files.writeString(cfg, OmniConfig.testTiny().toJson());
        CliTest.Run g = CliTest.run("stimuli", "generate", "--out", lib.toString(), "--per-category", "4",
                "--family", "visual,auditory,text,audiovisual", "--no-progress");
        assertEquals(0, g.code(), g.err());

        CliTest.Run p = CliTest.run("pretrain", "--out", model.toString(), "--stimuli", lib.toString(), "--config", cfg.toString(),
                "--steps", "4", "--batch", "8", "--extra", "0", "--encoder-steps", "6");
        assertEquals(0, p.code(), p.err());
        assertTrue(Files.isRegularFile(model.resolve("encoder-curve.csv")), "the encoder phase's curve is kept");
        assertFalse(Files.exists(model.resolve("encoder-state")), "the encoder phase's resumable state is removed at the end");
        JsonNode metrics = new ObjectMapper().readTree(model.resolve("metrics.json").toFile());
        for (String k : new String[] {"visual_accuracy", "auditory_accuracy", "perplexity", "unigram_perplexity", "seconds",
                "wall_seconds", "encoder_head_accuracy"}) {
            assertTrue(metrics.has(k), "metrics.json lacks " + k);
        }
        assertTrue(p.out().contains("visual accuracy"), p.out());
        RoundTrip.check(model.resolve(PretrainMetrics.FILE), PretrainMetrics::read);

        CliTest.Run ask = CliTest.run("ask", "--model", model.toString(), "--text", "What is 3 + 4?", "--max-tokens", "3");
        assertEquals(0, ask.code(), ask.err());

        for (Path out : new Path[] {topo, ctrl}) {
            String[] args = out == ctrl
                    ? new String[] {"train", "--base", model.toString(), "--out", out.toString(), "--stimuli", lib.toString(), "--steps", "20", "--batch", "4", "--lr", "0.01", "--text-weight", "0", "--control"}
                    : new String[] {"train", "--base", model.toString(), "--out", out.toString(), "--stimuli", lib.toString(), "--steps", "20", "--batch", "4", "--lr", "0.01", "--text-weight", "0"};
            CliTest.Run t = CliTest.run(args);
            assertEquals(0, t.code(), t.err());
            for (String f : new String[] {"adaptors.safetensors", "cortical.json", "curve.csv", "curve.png", "metrics.json"}) {
                assertTrue(Files.isRegularFile(out.resolve(f)), out.resolve(f) + " missing");
            }
            RoundTrip.check(out.resolve(TrainingMetrics.FILE), TrainingMetrics::read);
        }
        // the science: the spatial loss organises the sheet for held-out items, and the control (alpha = 0) does not
        TrainingMetrics mt = TrainingMetrics.read(topo.resolve(TrainingMetrics.FILE)), mc = TrainingMetrics.read(ctrl.resolve(TrainingMetrics.FILE));
        assertTrue(mt.heldOutSpatialLoss() < mc.heldOutSpatialLoss() - 0.02,
                "topographic training lowers the held-out spatial loss below the control's: " + mt.heldOutSpatialLoss() + " vs " + mc.heldOutSpatialLoss());
        // a lab's own clips join the training items: a 5-s film with sound gives 2 clips, each trained on the base model's own answer
        Path films = Files.createDirectories(tmp.resolve("films"));
        DiscoverCliTest.run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=10", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", "5", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-c:a", "aac", "-shortest", films.resolve("film.mp4").toString());
        Path withFilms = tmp.resolve("topo-films");
        CliTest.Run tf = CliTest.run("train", "--model", model.toString(), "--out", withFilms.toString(), "--stimuli", lib.toString(),
                "--more-stimuli", films.toString(), "--steps", "3", "--batch", "4");
        assertEquals(0, tf.code(), tf.err());
        JsonNode targets = new ObjectMapper().readTree(withFilms.resolve("targets.json").toFile()).path("targets");
        long clips = 0;
        for (var it = targets.fieldNames(); it.hasNext(); ) { String id = it.next(); if (id.startsWith("extra1:") && id.contains("film_c")) clips++; }
        JsonNode plainTargets = new ObjectMapper().readTree(topo.resolve("targets.json").toFile()).path("targets");
        assertEquals(plainTargets.size() + clips, targets.size(), "the film's training clips are distilled beside the library's items");
        assertTrue(clips >= 1 && clips <= 2, "of the film's 2 clips the training keeps those the held-out split leaves: " + clips);

        CliTest.Run again = CliTest.run("train", "--base", model.toString(), "--out", topo.resolve("x").toString(),
                "--stimuli", lib.toString(), "--mode", "sideways");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("--mode must be full or cached"), again.err());

        for (Path m : new Path[] {topo, ctrl}) {
            Path out = tmp.resolve("loc-" + m.getFileName());
            CliTest.Run l = CliTest.run("localize", "--model", m.toString(), "--stimuli", lib.toString(), "--out", out.toString(),
                    "--contrasts", "faces,speech");
            assertEquals(0, l.code(), l.err());
            assertTrue(Files.isRegularFile(out.resolve("summary.json")));
            assertTrue(Files.isRegularFile(out.resolve("faces/tmap.npy")));
            assertTrue(Files.isRegularFile(out.resolve("responses/responses.npy")));
            RoundTrip.check(out.resolve(LocalizerSummary.FILE), LocalizerSummary::read);
        }
        // a further library's localizer stimuli join the first's (here the same library again: every stimulus twice, the second
        // time named after its folder), and the summary names both libraries
        Path more = tmp.resolve("loc-more");
        CliTest.Run lm = CliTest.run("localize", "--model", topo.toString(), "--stimuli", lib.toString(), "--more-stimuli", lib.toString(),
                "--out", more.toString(), "--contrasts", "faces,speech");
        assertEquals(0, lm.code(), lm.err());
        JsonNode plain = new ObjectMapper().readTree(tmp.resolve("loc-topo/summary.json").toFile()), pooled = new ObjectMapper().readTree(more.resolve("summary.json").toFile());
        for (String c : new String[] {"faces", "speech"}) {
            assertEquals(2 * plain.path("contrasts").path(c).path("n_on").asInt(), pooled.path("contrasts").path(c).path("n_on").asInt(), c);
        }
        assertEquals(List.of(lib.toAbsolutePath().normalize().toString(), lib.toAbsolutePath().normalize().toString()),
                List.of(pooled.path("libraries").get(0).asText(), pooled.path("libraries").get(1).asText()));
        List<String> ids = Files.readAllLines(more.resolve("responses/stimuli.csv"));
        long plainRows = Files.readAllLines(tmp.resolve("loc-topo/responses/stimuli.csv")).size() - 1;
        assertEquals(2 * plainRows, ids.size() - 1);
        assertEquals(plainRows, ids.stream().filter(x -> x.startsWith("lib/")).count(), "the further library's stimuli are named after its folder");
        CliTest.Run missing = CliTest.run("localize", "--model", topo.toString(), "--stimuli", lib.toString(), "--more-stimuli", tmp.resolve("nope").toString(),
                "--out", tmp.resolve("loc-missing").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("stimulus library not found: " + tmp.resolve("nope")), missing.err());

        CliTest.Run c = CliTest.run("compare", "--runs", tmp.resolve("loc-topo") + "," + tmp.resolve("loc-control"), "--out", tmp.resolve("cmp").toString());
        assertEquals(0, c.code(), c.err());
    }
}
