package org.topoomni.backbones.qwen;

import org.topoomni.model.Devices;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.model.Answer;
import org.topoomni.model.Backbone;
import org.topoomni.model.LayerHook;
import org.topoomni.model.LayerSite;
import org.topoomni.model.ModelInput;
import org.topoomni.model.TokenMap;
import org.topoomni.registry.Backbones;
import org.topoomni.sheet.LayerStack;
import org.topoomni.sheet.Modality;
import org.topoomni.sheet.Placement;
import org.topoomni.sheet.SheetLayout;
import org.topoomni.stimuli.Audio;
import org.topoomni.stimuli.Stimulus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Qwen2.5-Omni behind the Backbone interface: the registry opens a Hugging Face folder, the
 * 3B config gives the paper's 304 x 512 sheet, stimuli through the processor reach the golden
 * logits and tokens, hooks see every layer in the documented shapes, a padded batch gives each
 * row what it gets alone, and the answer loss is the cross-entropy of the answer tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QwenBackboneTest {
    private NDManager manager;
    private Path folder;
    private Backbone backbone;
    private JsonNode inputs, outputs;

    @BeforeAll
    void open(@TempDir Path tmp) throws IOException {
        manager = NDManager.newBaseManager();
        folder = TestTokenizers.goldenModelFolder(tmp.resolve("model"));
        // the golden prompt has no system turn
        backbone = QwenOmniBackbone.open(manager, folder, null);
        inputs = QwenGolden.json(QwenGolden.folder().resolve("inputs.json"));
        outputs = QwenGolden.json(QwenGolden.folder().resolve("outputs.json")).get("tensors");
    }

    @AfterAll
    void close() {
        backbone.close();
        manager.close();
    }

    private BufferedImage image() {
        long[] shape = QwenGolden.shape(inputs.get("image_rgb_uint8_hwc"));
        int h = (int) shape[0], w = (int) shape[1];
        long[] v = QwenGolden.longs(inputs.get("image_rgb_uint8_hwc"));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            int i = (y * w + x) * 3;
            img.setRGB(x, y, (int) (v[i] << 16 | v[i + 1] << 8 | v[i + 2]));
        }
        return img;
    }

    private Audio wave() {
        return new Audio(QwenGolden.floats(inputs.get("waveform_16khz")), 16000);
    }

    private Stimulus golden() {
        return new Stimulus("golden", "test", 1, image(), wave(), null, Map.of(), null);
    }

    @Test
    void registryOpensTheFolderAndTheThreeBConfigGivesThePapersSheet(@TempDir Path tmp) throws IOException {
        assertEquals(QwenOmniBackbone.ARCHITECTURE, Backbones.factoryFor(folder).id());
        List<LayerStack> tiny = Backbones.stacks(folder);
        assertEquals(List.of(LayerStack.uniform("vision", Modality.VISION, Placement.SENSORY, 2, 32),
                LayerStack.uniform("audio", Modality.AUDIO, Placement.SENSORY, 2, 32),
                LayerStack.uniform("language", Modality.LANGUAGE, Placement.SHARED, 3, 32)), tiny);
        assertEquals(tiny, backbone.stacks());

        // Qwen2.5-Omni-3B's thinker sizes (METHOD.md section 1), as its config.json names them
        Path big = Files.createDirectories(tmp.resolve("qwen3b"));
        ObjectMapper om = new ObjectMapper();
        var root = om.createObjectNode();
        root.putArray("architectures").add("Qwen2_5OmniForConditionalGeneration");
        root.put("model_type", "qwen2_5_omni");
        var th = root.putObject("thinker_config");
        var v = th.putObject("vision_config");
        v.put("depth", 32).put("hidden_size", 1280).put("num_heads", 16).put("intermediate_size", 3420).put("out_hidden_size", 2048)
                .put("window_size", 112).put("patch_size", 14).put("spatial_merge_size", 2).put("temporal_patch_size", 2);
        v.putArray("fullatt_block_indexes").add(7).add(15).add(23).add(31);
        th.putObject("audio_config").put("encoder_layers", 32).put("d_model", 1280).put("encoder_attention_heads", 20)
                .put("encoder_ffn_dim", 5120).put("num_mel_bins", 128).put("n_window", 100).put("output_dim", 2048);
        var t = th.putObject("text_config");
        t.put("hidden_size", 2048).put("num_hidden_layers", 36).put("num_attention_heads", 16).put("num_key_value_heads", 2)
                .put("intermediate_size", 11008).put("vocab_size", 151936).put("rope_theta", 1000000.0).put("rms_norm_eps", 1e-6);
        t.putObject("rope_scaling").put("type", "default").putArray("mrope_section").add(16).add(24).add(24);
        om.writeValue(big.resolve("config.json").toFile(), root);
        SheetLayout sheet = SheetLayout.of(Backbones.stacks(big));
        assertEquals(304, sheet.rows());
        assertEquals(512, sheet.cols());
        assertEquals(155_648, sheet.units());
    }

    @Test
    void stimulusThroughTheProcessorGivesTheGoldenLogitsWithAHookAtEveryLayer() {
        ModelInput in = backbone.processor().chat(golden(), "w11 w42 w123 w7 w150");
        assertTrue(in.hasImage() && in.hasAudio() && !in.plainText());
        Map<LayerSite, long[]> shapes = new LinkedHashMap<>();
        Map<LayerSite, TokenMap> maps = new LinkedHashMap<>();
        LayerHook hook = (site, out, tokens) -> {
            shapes.put(site, out.getShape().getShape());
            maps.put(site, tokens);
            return out;
        };
        try (NDManager m = manager.newSubManager()) {
            float[] logits = backbone.forward(m, List.of(in), hook).logits().toFloatArray();
            QwenGolden.assertClose("backbone logits", QwenGolden.floats(outputs.get("logits")), logits);
        }
        assertEquals(backbone.sites(), new ArrayList<>(shapes.keySet()), "a hook after every layer of every stack, in sheet order");
        assertArrayEquals(new long[] {1, 48, 32}, shapes.get(new LayerSite("vision", 1)));
        assertArrayEquals(new long[] {1, 23, 32}, shapes.get(new LayerSite("audio", 0)));
        assertArrayEquals(new long[] {1, 40, 32}, shapes.get(new LayerSite("language", 2)));
        TokenMap lang = maps.get(new LayerSite("language", 0));
        for (float v : lang.valid()) assertEquals(1f, v, "the whole golden prompt counts");
    }

    @Test
    void generateGivesTheGoldenTokens() {
        ModelInput in = backbone.processor().chat(golden(), "w11 w42 w123 w7 w150");
        try (NDManager m = manager.newSubManager()) {
            List<Answer> a = backbone.generate(m, List.of(in), 5, LayerHook.NONE);
            assertArrayEquals(QwenGolden.ints(outputs.get("generation.new_tokens")), a.get(0).tokens());
        }
    }

    /** A stimulus with only a sound (the golden waveform's first 0.3 s). */
    private Stimulus shortSound() {
        float[] w = wave().samples();
        return new Stimulus("sound", "test", 1, null, new Audio(java.util.Arrays.copyOf(w, 4800), 16000), null, Map.of(), null);
    }

    @Test
    void aPaddedBatchGivesEveryRowWhatItGetsAlone() {
        List<ModelInput> batch = List.of(
                backbone.processor().chat(golden(), "w11 w42 w123 w7 w150"),
                backbone.processor().chat(new Stimulus("text", "test", 1, null, null, "w3 w4 w5", Map.of(), null), null),
                backbone.processor().chat(shortSound(), "w9"),
                backbone.processor().plainText("w20 w21 w22 w23"),
                // a smaller image (56 x 84: 4 x 6 patches, one partial window) in the same batch as the 84 x 112 one
                backbone.processor().chat(new Stimulus("small", "test", 1, image().getSubimage(10, 5, 84, 56), null, null, Map.of(), null), "w7"));
        try (NDManager m = manager.newSubManager()) {
            NDArray together = backbone.forward(m, batch, LayerHook.NONE).logits();
            long s = together.getShape().get(1), v = together.getShape().get(2);
            float[] all = together.toFloatArray();
            for (int r = 0; r < batch.size(); r++) {
                float[] alone = backbone.forward(m, List.of(batch.get(r)), LayerHook.NONE).logits().toFloatArray();
                int len = (int) (alone.length / v);
                float[] row = java.util.Arrays.copyOfRange(all, (int) (r * s * v), (int) (r * s * v + (long) len * v));
                QwenGolden.assertClose("batch row " + r + " vs alone", alone, row);
            }
            // the generated tokens too
            List<Answer> gen = backbone.generate(m, batch, 4, LayerHook.NONE);
            for (int r = 0; r < batch.size(); r++) {
                assertArrayEquals(backbone.generate(m, List.of(batch.get(r)), 4, LayerHook.NONE).get(0).tokens(), gen.get(r).tokens(), "row " + r);
            }
        }
    }

    @Test
    void aHookThatChangesALayerChangesTheOutput() {
        ModelInput in = backbone.processor().chat(golden(), "w11 w42 w123 w7 w150");
        try (NDManager m = manager.newSubManager()) {
            float[] base = backbone.forward(m, List.of(in), LayerHook.NONE).logits().toFloatArray();
            for (String stack : List.of("vision", "audio", "language")) {
                // one unit, not all: LayerNorm would take out a shift of every unit alike
                float[] oneUnit = new float[32];
                oneUnit[3] = 0.5f;
                LayerHook nudge = (site, out, tokens) -> site.equals(new LayerSite(stack, 0)) ? out.add(out.getManager().create(oneUnit)) : out;
                float[] changed = backbone.forward(m, List.of(in), nudge).logits().toFloatArray();
                double diff = 0;
                for (int i = 0; i < base.length; i++) diff = Math.max(diff, Math.abs(base[i] - changed[i]));
                assertTrue(diff > 1e-3, "a change at " + stack + " layer 0 reaches the logits (" + diff + ")");
            }
        }
    }

    @Test
    void answerLossIsTheCrossEntropyOfTheAnswerTokens() {
        ModelInput prompt = backbone.processor().chat(golden(), "w11 w42 w123 w7 w150");
        Answer answer = backbone.processor().answer("w162 w113");
        assertArrayEquals(new int[] {162, 113}, answer.tokens());
        ModelInput withAnswer = backbone.processor().withAnswer(prompt, answer);
        try (NDManager m = manager.newSubManager()) {
            assertThrows(IllegalStateException.class, () -> backbone.forward(m, List.of(prompt), LayerHook.NONE).answerLoss());
            var out = backbone.forward(m, List.of(withAnswer), LayerHook.NONE);
            float[] logits = out.logits().toFloatArray();
            int v = 200, p = 40;
            int[] targets = {162, 113, 182}; // the answer, then <|im_end|>
            double ce = 0;
            for (int j = 0; j < targets.length; j++) {
                int pos = p - 1 + j;
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int k = 0; k < v; k++) max = Math.max(max, logits[pos * v + k]);
                for (int k = 0; k < v; k++) sum += Math.exp(logits[pos * v + k] - max);
                ce += -(logits[pos * v + targets[j]] - max - Math.log(sum));
            }
            ce /= targets.length;
            assertEquals(ce, out.answerLoss().getFloat(), 1e-5, "mean cross-entropy of the answer and the end of the turn");
            // the golden's greedy continuation is likelier than another answer
            ModelInput other = backbone.processor().withAnswer(prompt, backbone.processor().answer("w5 w6"));
            assertTrue(out.answerLoss().getFloat() < backbone.forward(m, List.of(other), LayerHook.NONE).answerLoss().getFloat());
        }
    }

    @Test
    void answerLossIsDifferentiableThroughAHook() {
        // gradients reach what a hook adds (as a cortical adaptor's), the backbone itself stays frozen
        ModelInput in = backbone.processor().withAnswer(backbone.processor().chat(golden(), "w11"), backbone.processor().answer("w162"));
        try (NDManager m = manager.newSubManager()) {
            NDArray delta = m.zeros(new ai.djl.ndarray.types.Shape(32));
            delta.setRequiresGradient(true);
            LayerHook add = (site, out, tokens) -> site.equals(new LayerSite("vision", 0)) ? out.add(delta) : out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = backbone.forward(m, List.of(in), add).answerLoss();
                gc.backward(loss);
            }
            float[] g = delta.getGradient().toFloatArray();
            double norm = 0;
            for (float x : g) norm += x * x;
            assertTrue(norm > 0, "the loss has a gradient with respect to a vision-layer change");
            assertFalse(Double.isNaN(norm));
        }
    }

    @Test
    void devicesParse() {
        assertEquals(ai.djl.Device.cpu(), Devices.parse("cpu"));
        if (Engine.getInstance().getGpuCount() == 0) {
            assertEquals(ai.djl.Device.cpu(), Devices.parse(null), "no GPU: the CPU by default");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Devices.parse("gpu"));
            assertTrue(e.getMessage().contains("PYTORCH_LIBRARY_PATH"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Devices.parse("tpu"));
    }
}
