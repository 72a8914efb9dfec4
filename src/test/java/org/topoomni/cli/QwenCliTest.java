package org.topoomni.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.backbones.qwen.TestTokenizers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The paper's architecture through every command: a Hugging Face Qwen2.5-Omni folder (the tiny
 * golden checkpoint of the real transformers implementation, with a tokenizer.json the test
 * writes) goes through sheet, train (cached), localize, perturb and ask; and a config with the
 * real 3B sizes gives the paper's 304 x 512 sheet without any weights.
 */
class QwenCliTest {

    @Test
    void aQwenFolderGoesThroughTrainLocalizePerturbAndAsk(@TempDir Path tmp) throws Exception {
        Path model = TestTokenizers.goldenModelFolder(tmp.resolve("qwen-tiny")), lib = tmp.resolve("lib");
        CliTest.Run g = CliTest.run("stimuli", "generate", "--out", lib.toString(), "--per-category", "4",
                "--family", "visual,auditory,audiovisual,text", "--no-progress");
        assertEquals(0, g.code(), g.err());

        CliTest.Run sheet = CliTest.run("sheet", "--model", model.toString());
        assertEquals(0, sheet.code(), sheet.err());
        assertTrue(sheet.out().contains("vision") && sheet.out().contains("audio") && sheet.out().contains("language"), sheet.out());

        Path topo = tmp.resolve("topo");
        CliTest.Run t = CliTest.run("train", "--model", model.toString(), "--out", topo.toString(), "--stimuli", lib.toString(),
                "--steps", "3", "--batch", "4", "--radius", "3", "--device", "cpu");
        assertEquals(0, t.code(), t.err());
        for (String f : List.of("adaptors.safetensors", "cortical.json", "layout.json", "metrics.json", "targets.json", "curve.csv")) {
            assertTrue(Files.isRegularFile(topo.resolve(f)), f + " missing");
        }
        assertEquals("qwen2_5_omni", new ObjectMapper().readTree(topo.resolve("cortical.json").toFile()).path("architecture").asText());

        Path loc = tmp.resolve("loc");
        CliTest.Run l = CliTest.run("localize", "--model", topo.toString(), "--stimuli", lib.toString(), "--out", loc.toString(),
                "--contrasts", "faces,bodies,speech");
        assertEquals(0, l.code(), l.err());
        for (String f : List.of("summary.json", "faces/tmap.npy", "speech/tmap.npy", "responses/responses.npy", "layout.json")) {
            assertTrue(Files.isRegularFile(loc.resolve(f)), f + " missing");
        }
        JsonNode summary = new ObjectMapper().readTree(loc.resolve("summary.json").toFile());
        assertEquals(4, summary.path("contrasts").path("faces").path("n_on").asInt(), summary.toString());

        Path pert = tmp.resolve("perturb");
        CliTest.Run p = CliTest.run("perturb", "--model", topo.toString(), "--localizer", loc.toString(), "--stimuli", lib.toString(),
                "--out", pert.toString(), "--categories", "faces,bodies", "--coverage", "0,10", "--per-category", "2", "--max-tokens", "2");
        assertEquals(0, p.code(), p.err());
        assertTrue(Files.isRegularFile(pert.resolve("summary.json")));

        Path png = Files.walk(lib.resolve("visual")).filter(x -> x.toString().endsWith(".png")).findFirst().orElseThrow();
        CliTest.Run a = CliTest.run("ask", "--model", topo.toString(), "--image", png.toString(), "--max-tokens", "3");
        assertEquals(0, a.code(), a.err());
        assertFalse(a.out().isBlank(), "the tiny random model answers something");
    }

    /** The real Qwen2.5-Omni-3B sizes (METHOD.md section 1), in the layout of its Hugging Face config.json. */
    @Test
    void theRealThreeBillionConfigGivesThePapersSheet(@TempDir Path tmp) throws Exception {
        ObjectMapper om = new ObjectMapper();
        ObjectNode cfg = (ObjectNode) om.readTree(Path.of(System.getProperty("topoomni.shared", "../shared"), "golden", "qwen2_5_omni_tiny", "config.json").toFile());
        ObjectNode thinker = (ObjectNode) cfg.get("thinker_config");
        ObjectNode v = (ObjectNode) thinker.get("vision_config"), a = (ObjectNode) thinker.get("audio_config"), x = (ObjectNode) thinker.get("text_config");
        v.put("depth", 32).put("hidden_size", 1280).put("num_heads", 16).put("intermediate_size", 3420).put("out_hidden_size", 2048).put("window_size", 112);
        v.putArray("fullatt_block_indexes").add(7).add(15).add(23).add(31);
        a.put("encoder_layers", 32).put("num_hidden_layers", 32).put("d_model", 1280).put("encoder_attention_heads", 20).put("encoder_ffn_dim", 5120)
                .put("output_dim", 2048).put("num_mel_bins", 128).put("n_window", 100);
        x.put("num_hidden_layers", 36).put("hidden_size", 2048).put("num_attention_heads", 16).put("num_key_value_heads", 2).put("intermediate_size", 11008)
                .put("vocab_size", 151936);
        ((ObjectNode) x.get("rope_scaling")).putArray("mrope_section").add(16).add(24).add(24);
        Files.createDirectories(tmp.resolve("qwen3b"));
        om.writeValue(tmp.resolve("qwen3b/config.json").toFile(), cfg);
        CliTest.Run s = CliTest.run("sheet", "--model", tmp.resolve("qwen3b").toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("sheet 304 x 512 = 155,648 units"), s.out());
        assertTrue(s.out().contains("vision") && s.out().contains("0-159") && s.out().contains("160-303"), s.out());
    }
}
