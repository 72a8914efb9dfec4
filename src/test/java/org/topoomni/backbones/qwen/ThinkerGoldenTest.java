package org.topoomni.backbones.qwen;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.topoomni.model.LayerHook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Java thinker against transformers' own outputs on the tiny golden model, in both variants
 * (the model's initialisation, and random biases and norm parameters): every vision block, the
 * merger, every audio layer, every text layer, the final norm, the logits, the positions and the
 * greedy tokens with their step logits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThinkerGoldenTest {
    static final String MAIN = "init", PERTURBED = "perturbed_biases_norms";

    /** What one variant's run produced. */
    record Run(JsonNode expected, Map<String, float[]> sites, float[] visionOut, float[] audioOut, float[] normed,
               float[] logits, int[][][] positions, int[] deltas, int[] tokens, List<float[]> stepLogits, int[] windowIndex) {}

    private NDManager manager;
    private final Map<String, Run> runs = new HashMap<>();

    @BeforeAll
    void runBoth() throws Exception {
        manager = NDManager.newBaseManager(QwenGolden.device());
        System.out.println("golden comparison on " + manager.getDevice());
        Path root = QwenGolden.folder();
        JsonNode inputs = QwenGolden.json(root.resolve("inputs.json"));
        runs.put(MAIN, run(root, inputs));
        runs.put(PERTURBED, run(root.resolve(PERTURBED), inputs));
    }

    @AfterAll
    void close() {
        manager.close();
    }

    static QwenThinker.Input input(JsonNode inputs) {
        int[] ids = QwenGolden.ints(inputs.get("input_ids"));
        long[] grid = QwenGolden.longs(inputs.get("image_grid_thw"));
        VisionEncoder.Image image = new VisionEncoder.Image(QwenGolden.floats(inputs.get("pixel_values")), (int) grid[0], (int) grid[1], (int) grid[2]);
        long[] fshape = QwenGolden.shape(inputs.get("input_features"));
        int mel = (int) fshape[1], frames = (int) fshape[2];
        float[] feats = QwenGolden.floats(inputs.get("input_features"));
        long[] mask = QwenGolden.longs(inputs.get("feature_attention_mask"));
        int kept = 0;
        for (long v : mask) kept += (int) v;
        float[] clip = new float[mel * kept];
        for (int q = 0; q < mel; q++) {
            int k = 0;
            for (int f = 0; f < frames; f++) if (mask[f] == 1) clip[q * kept + k++] = feats[q * frames + f];
        }
        return QwenThinker.Input.prompt(ids, List.of(image), List.of(new AudioEncoder.Clip(clip, kept)));
    }

    private Run run(Path folder, JsonNode inputs) throws Exception {
        JsonNode expected = QwenGolden.json(folder.resolve("outputs.json")).get("tensors");
        try (NDManager m = manager.newSubManager(); QwenThinker thinker = QwenThinker.load(m, folder)) {
            Map<String, float[]> sites = new HashMap<>();
            LayerHook capture = (site, out, tokens) -> {
                sites.put(site.stack() + "." + site.layer(), out.toFloatArray());
                return out;
            };
            QwenThinker.Input in = input(inputs);
            float[] visionOut, audioOut;
            QwenThinker.Result r;
            float[] normed, logits;
            try (NDManager s = m.newSubManager()) {
                QwenThinker.Media media = thinker.encode(s, List.of(in), capture);
                visionOut = media.vision().toFloatArray();
                audioOut = media.audio().toFloatArray();
                r = thinker.decode(s, List.of(in), media, capture, null, true);
                normed = r.normed().toFloatArray();
                logits = r.logits().toFloatArray();
            }
            List<float[]> steps = new ArrayList<>();
            int[][] tokens = thinker.generate(m, List.of(in), 5, LayerHook.NONE, steps);
            QwenConfig.Vision v = thinker.cfg.vision();
            int[] wi = VisionEncoder.windowIndex(in.images().get(0).h() / v.merge(), in.images().get(0).w() / v.merge(), v.windowMerged());
            return new Run(expected, sites, visionOut, audioOut, normed, logits, r.positions(), r.deltas(), tokens[0], steps, wi);
        }
    }

    /** Rows of a (patches, hidden) array in window order, from processor order. */
    private static float[] windowOrder(float[] x, int[] windowIndex, int unit, int width) {
        float[] out = new float[x.length];
        int j = 0;
        for (int m : windowIndex)
            for (int u = 0; u < unit; u++, j++) System.arraycopy(x, (m * unit + u) * width, out, j * width, width);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {MAIN, PERTURBED})
    void visionBlocksMergerAndOutput(String variant) {
        Run r = runs.get(variant);
        int width = (int) QwenGolden.shape(r.expected().get("vision.block.0"))[1];
        assertArrayEquals(QwenGolden.longs(r.expected().get("vision.window_index")), java.util.Arrays.stream(r.windowIndex()).asLongStream().toArray(), "window index");
        for (int l = 0; r.expected().has("vision.block." + l); l++) {
            float[] mine = windowOrder(r.sites().get("vision." + l), r.windowIndex(), 4, width);
            QwenGolden.assertClose(variant + " vision.block." + l, QwenGolden.floats(r.expected().get("vision.block." + l)), mine);
        }
        int out = (int) QwenGolden.shape(r.expected().get("vision.output"))[1];
        QwenGolden.assertClose(variant + " vision.merger", QwenGolden.floats(r.expected().get("vision.merger")), windowOrder(r.visionOut(), r.windowIndex(), 1, out));
        QwenGolden.assertClose(variant + " vision.output", QwenGolden.floats(r.expected().get("vision.output")), r.visionOut());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {MAIN, PERTURBED})
    void audioLayersAndOutput(String variant) {
        Run r = runs.get(variant);
        for (int l = 0; r.expected().has("audio.layer." + l); l++) {
            float[] exp = QwenGolden.floats(r.expected().get("audio.layer." + l));
            float[] mine = java.util.Arrays.copyOf(r.sites().get("audio." + l), exp.length); // the clip's valid positions come first
            QwenGolden.assertClose(variant + " audio.layer." + l, exp, mine);
        }
        QwenGolden.assertClose(variant + " audio.output", QwenGolden.floats(r.expected().get("audio.output")), r.audioOut());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {MAIN, PERTURBED})
    void textLayersNormAndLogits(String variant) {
        Run r = runs.get(variant);
        for (int l = 0; r.expected().has("text.layer." + l); l++) {
            QwenGolden.assertClose(variant + " text.layer." + l, QwenGolden.floats(r.expected().get("text.layer." + l)), r.sites().get("language." + l));
        }
        QwenGolden.assertClose(variant + " text.norm", QwenGolden.floats(r.expected().get("text.norm")), r.normed());
        QwenGolden.assertClose(variant + " logits", QwenGolden.floats(r.expected().get("logits")), r.logits());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {MAIN, PERTURBED})
    void positionIdsAndDelta(String variant) {
        Run r = runs.get(variant);
        long[] exp = QwenGolden.longs(r.expected().get("text.position_ids"));
        int n = exp.length / 3;
        long[] mine = new long[exp.length];
        for (int a = 0; a < 3; a++) for (int i = 0; i < n; i++) mine[a * n + i] = r.positions()[0][a][i];
        QwenGolden.assertSameInts(variant + " text.position_ids", exp, mine);
        assertEquals(QwenGolden.longs(r.expected().get("text.rope_deltas"))[0], r.deltas()[0], "rope delta");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {MAIN, PERTURBED})
    void greedyTokensWithCache(String variant) {
        Run r = runs.get(variant);
        long[] exp = QwenGolden.longs(r.expected().get("generation.new_tokens"));
        QwenGolden.assertSameInts(variant + " generation.new_tokens", exp, java.util.Arrays.stream(r.tokens()).asLongStream().toArray());
        float[] cached = QwenGolden.floats(r.expected().get("generation.step_logits_cached"));
        int v = cached.length / exp.length;
        for (int s = 0; s < exp.length; s++) {
            float[] e = java.util.Arrays.copyOfRange(cached, s * v, (s + 1) * v);
            QwenGolden.assertClose(variant + " generation step " + s + " logits", e, r.stepLogits().get(s));
        }
    }
}
