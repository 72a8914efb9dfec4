package org.topoomni.cli;

import org.topoomni.backbones.tinyomni.Checkpoint;
import org.topoomni.backbones.tinyomni.OmniConfig;
import org.topoomni.task.HeldOut;
import org.topoomni.backbones.tinyomni.TinyOmni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.topoomni.results.RoundTrip;
import org.topoomni.results.PerturbationSummary;
import org.junit.jupiter.api.io.TempDir;
import ai.djl.ndarray.NDManager;
import org.topoomni.model.CorticalAdaptors;
import org.topoomni.model.CorticalModel;
import org.topoomni.perturb.PerceptionProbe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** perturb end to end on a tiny model: stimuli -> pretrain -> adaptors -> localize -> perturb, and its bad inputs. */
class PerturbCliTest {

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void tinyControlModelEndToEndAndBadInputs(@TempDir Path tmp) throws Exception {
        Path lib = tmp.resolve("lib"), base = tmp.resolve("base"), ctrl = tmp.resolve("control"), loc = tmp.resolve("loc"), out = tmp.resolve("out");
        Path cfg = tmp.resolve("tiny.json");
        Files.writeString(cfg, OmniConfig.testTiny().toJson());
        assertEquals(0, CliTest.run("stimuli", "generate", "--out", lib.toString(), "--per-category", "8", "--family", "visual", "--no-progress").code());
        CliTest.Run p = CliTest.run("pretrain", "--out", base.toString(), "--stimuli", lib.toString(), "--config", cfg.toString(),
                "--steps", "2", "--batch", "8", "--extra", "0", "--encoder-steps", "2");
        assertEquals(0, p.code(), p.err());
        // a control adaptor run (alpha = 0) on the base: fresh adaptors, as train writes them before its first step
        try (NDManager m = NDManager.newBaseManager(); TinyOmni bb = Checkpoint.load(m, base);
             CorticalAdaptors ad = new CorticalAdaptors(m, bb.stacks(), 3)) {
            ad.save(ctrl.resolve(CorticalModel.ADAPTORS), Map.of());
            Files.writeString(ctrl.resolve(CorticalModel.META), "{\"base\": \"" + base.toAbsolutePath() + "\", \"alpha\": 0.0, \"control\": true}");
        }
        CliTest.Run l = CliTest.run("localize", "--model", ctrl.toString(), "--stimuli", lib.toString(), "--out", loc.toString(), "--contrasts", "faces,bodies,objects");
        assertEquals(0, l.code(), l.err());

        // the probe images are the pretraining's held-out ones
        long seed = PerceptionProbe.pretrainSeed(ctrl).orElseThrow();
        var visual = PerceptionProbe.visualSet(lib);
        long heldFaces = visual.items("faces").stream().filter(i -> HeldOut.isHeldOut("visual", i, HeldOut.FRACTION, seed)).count();
        long heldBodies = visual.items("bodies").stream().filter(i -> HeldOut.isHeldOut("visual", i, HeldOut.FRACTION, seed)).count();
        assertTrue(heldFaces > 0 && heldBodies > 0, "the tiny library holds held-out faces and bodies: " + heldFaces + ", " + heldBodies);
        int nImages = (int) (Math.min(2, heldFaces) + Math.min(2, heldBodies));

        CliTest.Run r = CliTest.run("perturb", "--model", ctrl.toString(), "--localizer", loc.toString(), "--stimuli", lib.toString(),
                "--out", out.toString(), "--categories", "faces,bodies", "--coverage", "0,10,50", "--random-masks", "2", "--per-category", "2",
                "--max-tokens", "3", "--batch", "16");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("faces (") && r.out().contains("drive rate"), r.out());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        RoundTrip.check(out.resolve(PerturbationSummary.FILE), PerturbationSummary::read);
        assertEquals("control", s.path("model").asText());
        assertEquals("control", s.path("kind").asText());
        assertTrue(s.path("control").asBoolean(false));
        assertEquals(0.0, s.path("alpha").asDouble(1));
        assertEquals(seed, s.path("settings").path("pretrain_seed").asLong());
        for (String c : List.of("faces", "bodies")) {
            JsonNode cat = s.path("categories").path(c);
            for (String k : List.of("coverage", "n_units", "drive_rate", "suppress_accuracy", "suppress_other_accuracy", "random_drive_rate",
                    "random_suppress_accuracy", "random_suppress_other_accuracy")) {
                assertEquals(3, cat.path(k).size(), c + "." + k);
            }
            assertEquals(0, cat.path("n_units").get(0).asInt());
            int vision = 2 * 16; // testTiny: 2 vision layers x 16
            assertEquals(vision / 10, cat.path("n_units").get(1).asInt());
            assertEquals(vision / 2, cat.path("n_units").get(2).asInt());
            for (String k : List.of("drive_rate", "suppress_accuracy", "suppress_other_accuracy")) {
                assertEquals(cat.path(k).get(0).asDouble(), cat.path("random_" + k).get(0).asDouble(), "coverage 0 is the unperturbed model for both");
                for (JsonNode v : cat.path(k)) assertTrue(v.asDouble() >= 0 && v.asDouble() <= 1);
            }
            // the split by the other images' category: here one other category, so it is the pooled curve itself
            String other = c.equals("faces") ? "bodies" : "faces";
            for (String k : List.of("suppress_other", "random_suppress_other")) {
                JsonNode by = cat.path(k + "_by_category");
                assertEquals(List.of(other), iterable(by.fieldNames()), c + "." + k + "_by_category");
                assertEquals(cat.path(k + "_accuracy"), by.path(other), c + "." + k + "_by_category." + other);
            }
        }
        assertTrue(Files.size(out.resolve("curves.png")) > 1000);
        List<String> rows = Files.readAllLines(out.resolve("examples.csv"));
        assertEquals("stimulus,category,condition,target,mask,coverage,n_units,answer,judged", rows.get(0));
        // baseline + per category and non-zero coverage, 3 masks: drive on the other images + suppress on all
        int perMask = 0;
        for (String c : List.of("faces", "bodies")) perMask += (nImages - (int) Math.min(2, c.equals("faces") ? heldFaces : heldBodies)) + nImages;
        assertEquals(1 + nImages + 2 * 3 * perMask, rows.size());
        assertEquals(rows.size() - 1, s.path("timings").path("answers").asInt());

        // more probe images: the held-out images of a further library join those of the localizer's (here the same library
        // again, so every held-out image comes twice, the second time named after its library folder)
        Path more = tmp.resolve("more");
        CliTest.Run m = CliTest.run("perturb", "--model", ctrl.toString(), "--localizer", loc.toString(), "--stimuli", lib.toString(),
                "--more-images", lib.toString(), "--out", more.toString(), "--categories", "faces,bodies", "--coverage", "0",
                "--random-masks", "0", "--per-category", "1000", "--max-tokens", "2");
        assertEquals(0, m.code(), m.err());
        List<String> baseline = Files.readAllLines(more.resolve("examples.csv")).subList(1, (int) (1 + 2 * (heldFaces + heldBodies)));
        assertEquals(2 * (heldFaces + heldBodies), baseline.size());
        assertEquals(heldFaces + heldBodies, baseline.stream().filter(x -> x.startsWith("lib/")).count(), "the further library's images are named after it");
        JsonNode ms = new ObjectMapper().readTree(more.resolve("summary.json").toFile());
        assertEquals(lib.toAbsolutePath().normalize().toString(), ms.path("settings").path("more_images").get(0).asText());
        assertEquals(2 * heldFaces, ms.path("categories").path("faces").path("n_images").asInt());

        CliTest.Run missing = CliTest.run("perturb", "--model", ctrl.toString(), "--localizer", tmp.resolve("nope").toString(), "--stimuli", lib.toString(),
                "--out", out.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("topo-omni perturb: error: localizer folder not found: " + tmp.resolve("nope")), missing.err());
        assertFalse(missing.err().contains("\tat "), missing.err());
        CliTest.Run unknown = CliTest.run("perturb", "--model", ctrl.toString(), "--localizer", loc.toString(), "--stimuli", lib.toString(),
                "--out", out.toString(), "--categories", "faces,cars");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown category 'cars'"), unknown.err());
        CliTest.Run range = CliTest.run("perturb", "--model", ctrl.toString(), "--localizer", loc.toString(), "--stimuli", lib.toString(),
                "--out", out.toString(), "--coverage", "0,120");
        assertEquals(2, range.code());
        assertTrue(range.err().contains("coverage must be a percentage in [0, 100], got 120"), range.err());
    }
}
