package org.topoomni.backbones.qwen;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.topoomni.model.LayerHook;
import org.topoomni.stimuli.Audio;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The processors against the golden inputs: the Qwen2-VL image processor gives transformers'
 * pixel_values from the raw image, the Whisper feature extractor its input_features and mask
 * from the raw waveform, and the chat template with the tokenizer the golden token ids; the whole
 * processor then feeds the thinker to the golden logits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessorTest {
    private NDManager manager;
    private JsonNode inputs;

    @BeforeAll
    void setUp() {
        manager = NDManager.newBaseManager();
        inputs = QwenGolden.json(QwenGolden.folder().resolve("inputs.json"));
    }

    @AfterAll
    void close() {
        manager.close();
    }

    private BufferedImage goldenImage() {
        long[] shape = QwenGolden.shape(inputs.get("image_rgb_uint8_hwc"));
        int h = (int) shape[0], w = (int) shape[1];
        long[] v = QwenGolden.longs(inputs.get("image_rgb_uint8_hwc"));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                img.setRGB(x, y, (int) (v[i] << 16 | v[i + 1] << 8 | v[i + 2]));
            }
        return img;
    }

    private Audio goldenWave() {
        return new Audio(QwenGolden.floats(inputs.get("waveform_16khz")), 16000);
    }

    private QwenConfig config() throws IOException {
        return QwenConfig.read(QwenGolden.folder().resolve("config.json"));
    }

    @Test
    void imageProcessorGivesTheGoldenPixelValues() throws IOException {
        // the golden image is 84 x 112, already multiples of 28: smart_resize keeps it
        ImageProcessor p = ImageProcessor.of(null, config().vision());
        VisionEncoder.Image im = p.process(goldenImage());
        long[] grid = QwenGolden.longs(inputs.get("image_grid_thw"));
        assertArrayEquals(grid, new long[] {im.t(), im.h(), im.w()}, "grid (t, h, w)");
        float[] expected = QwenGolden.floats(inputs.get("pixel_values"));
        assertArrayEquals(expected, im.patches(), "pixel_values, bit for bit");
        System.out.println("golden pixel_values (48 x 1176)                 identical");
    }

    @Test
    void bicubicResizeMatchesPillow() throws IOException {
        // src/test/resources/qwen/pil_bicubic.json: Pillow 9.4's Image.resize(BICUBIC) of a synthetic
        // 61 x 45 image, shrunk, enlarged, and shrunk on one axis while enlarged on the other
        JsonNode fx;
        try (var in = getClass().getResourceAsStream("/qwen/pil_bicubic.json")) {
            fx = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        int h = fx.get("source").get("height").asInt(), w = fx.get("source").get("width").asInt();
        int[] src = new int[h * w * 3];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                src[(y * w + x) * 3] = (37 * x + 11 * y) % 256;
                src[(y * w + x) * 3 + 1] = (13 * x * y + 7) % 256;
                src[(y * w + x) * 3 + 2] = (5 * x + 29 * y + (x * y) % 17) % 256;
            }
        for (JsonNode c : fx.get("cases")) {
            int oh = c.get("height").asInt(), ow = c.get("width").asInt();
            byte[] expected = java.util.Base64.getDecoder().decode(c.get("rgb_base64").asText());
            int[] got = PilBicubic.resize(src, h, w, oh, ow);
            int[] exp = new int[expected.length];
            for (int i = 0; i < exp.length; i++) exp[i] = expected[i] & 0xff;
            assertArrayEquals(exp, got, "Pillow bicubic " + w + "x" + h + " -> " + ow + "x" + oh);
        }
    }

    @Test
    void smartResizeRoundsLikePython() {
        // expectations computed with transformers' formula in Python (round() rounds halves to even)
        int[][] cases = {{84, 112, 84, 112}, {42, 70, 56, 56}, {70, 98, 56, 112}, {224, 224, 224, 224}, {3000, 4000, 840, 1148},
                {20, 30, 56, 84}, {1080, 1920, 728, 1316}, {500, 375, 504, 364}, {14, 600, 28, 392}};
        for (int[] c : cases) {
            assertArrayEquals(new int[] {c[2], c[3]}, ImageProcessor.smartResize(c[0], c[1], 28, 56 * 56, 14 * 14 * 4 * 1280), c[0] + " x " + c[1]);
        }
        assertArrayEquals(new int[] {2996, 4004}, ImageProcessor.smartResize(3000, 4000, 28, 3136, 12845056));
        assertThrows(IllegalArgumentException.class, () -> ImageProcessor.smartResize(9, 100, 28, 3136, 1003520));
        assertThrows(IllegalArgumentException.class, () -> ImageProcessor.smartResize(10, 2500, 28, 3136, 1003520));
    }

    /**
     * The same log-mel features in float64 arithmetic throughout (reflect padding, periodic Hann
     * window, a direct DFT), from the float32 waveform: what both float32 implementations round.
     */
    static double[] exactFeatures(float[] wave, int length, int nFft, int hop, float[] melFilters, int mels) {
        int bins = nFft / 2 + 1, frames = length / hop;
        double[] padded = new double[length + nFft];
        for (int i = 0; i < padded.length; i++) {
            int j = i - nFft / 2;
            if (j < 0) j = -j;
            else if (j >= length) j = 2 * (length - 1) - j;
            padded[i] = j < wave.length ? wave[j] : 0;
        }
        double[] mel = new double[mels * frames];
        double max = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < frames; f++) {
            double[] power = new double[bins];
            for (int k = 0; k < bins; k++) {
                double re = 0, im = 0;
                for (int n = 0; n < nFft; n++) {
                    double v = padded[f * hop + n] * (0.5 - 0.5 * Math.cos(2 * Math.PI * n / nFft));
                    re += v * Math.cos(2 * Math.PI * k * n / nFft);
                    im -= v * Math.sin(2 * Math.PI * k * n / nFft);
                }
                power[k] = re * re + im * im;
            }
            for (int m = 0; m < mels; m++) {
                double s = 0;
                for (int k = 0; k < bins; k++) s += melFilters[m * bins + k] * power[k];
                mel[m * frames + f] = Math.log10(Math.max(s, 1e-10));
                max = Math.max(max, mel[m * frames + f]);
            }
        }
        for (int i = 0; i < mel.length; i++) mel[i] = (Math.max(mel[i], max - 8) + 4) / 4;
        return mel;
    }

    @Test
    void whisperFeaturesGiveTheGoldenInputFeaturesAndMask() throws IOException {
        WhisperFeatures wf = WhisperFeatures.of(null, config().audio().melBins());
        float[] wave = goldenWave().samples();
        // the golden was padded to 7680 samples (48 frames)
        WhisperFeatures.Features f = wf.extract(manager, wave, 7680);
        long[] shape = QwenGolden.shape(inputs.get("input_features"));
        assertEquals(shape[2], f.frames(), "frames");
        long[] mask = QwenGolden.longs(inputs.get("feature_attention_mask"));
        long ones = 0;
        for (long m : mask) ones += m;
        assertEquals(ones, f.valid(), "feature_attention_mask ones");
        for (int i = 0; i < ones; i++) assertEquals(1, mask[i], "the mask's ones come first");

        // The golden README's tolerance: 1e-5 absolute, 2e-5 for a tensor whose values exceed 1 (these
        // reach 1.34). Both transformers (torch 2.13's MKL FFT) and this code (libtorch 2.7.1's) compute
        // the STFT in float32, and in the weakest mel bins transformers itself is 1.1e-5 from exact
        // (float64) arithmetic; so every value must also lie within 1e-5 of the exact one.
        float[] golden = QwenGolden.floats(inputs.get("input_features"));
        double[] exact = exactFeatures(wave, 7680, wf.nFft, wf.hop, WhisperFeatures.melFilterBank(wf.nFft / 2 + 1, wf.melBins, 0, 8000, 16000), wf.melBins);
        double worstGolden = 0, worstExact = 0, goldenOwn = 0;
        for (int i = 0; i < golden.length; i++) {
            double own = Math.abs(golden[i] - exact[i]);
            goldenOwn = Math.max(goldenOwn, own);
            worstGolden = Math.max(worstGolden, Math.abs(f.values()[i] - golden[i]));
            worstExact = Math.max(worstExact, Math.abs(f.values()[i] - exact[i]));
            assertTrue(Math.abs(f.values()[i] - golden[i]) <= 2e-5, "input_features[" + i + "]: " + f.values()[i] + " vs golden " + golden[i] + " (exact " + exact[i] + ")");
            assertTrue(Math.abs(f.values()[i] - exact[i]) <= 1e-5, "input_features[" + i + "]: " + f.values()[i] + " vs exact " + exact[i]);
        }
        System.out.printf("golden input_features (20 x 48): max abs error %.3e vs transformers, %.3e vs float64; transformers vs float64 %.3e%n",
                worstGolden, worstExact, goldenOwn);
        // the default padding keeps the same frames with the same values
        WhisperFeatures.Features d = wf.extract(manager, wave);
        assertEquals(f.valid(), d.valid());
        QwenGolden.assertClose("kept frames, short padding vs 7680", WhisperFeatures.keptFrames(f, wf.melBins), WhisperFeatures.keptFrames(d, wf.melBins));
    }

    @Test
    void melFiltersAreSlaneyNormalisedTriangles() {
        float[] f = WhisperFeatures.melFilterBank(201, 128, 0, 8000, 16000);
        // each Slaney filter has area 1 in Hz: sum(weights) * bin width (40 Hz) close to 1 for wide filters
        double sumLast = 0;
        for (int k = 0; k < 201; k++) sumLast += f[127 * 201 + k];
        assertEquals(1.0, sumLast * 40.0, 0.02, "area of the widest filter");
        for (float v : f) assertTrue(v >= 0);
    }

    @Test
    void chatTemplateAndTokenizerGiveTheGoldenIds(@TempDir Path tmp) throws IOException {
        QwenConfig cfg = config();
        try (QwenTokenizer tk = QwenTokenizer.open(TestTokenizers.write(tmp.resolve("tokenizer.json")), cfg)) {
            String prompt = ChatTemplate.prompt(null, 12, 11, "w11 w42 w123 w7 w150");
            assertArrayEquals(QwenGolden.ints(inputs.get("input_ids")), tk.encode(prompt, true), "golden input_ids");
            int[] withSystem = tk.encode(ChatTemplate.prompt("w5 w6", 0, 0, "w9"), true);
            assertArrayEquals(new int[] {181, 78, 19, 5, 6, 182, 19, 181, 87, 19, 9, 182, 19, 181, 77, 19}, withSystem, "system turn, no media");
            assertEquals("w11 w42", tk.decode(new int[] {181, 11, 42, 182}), "decoding leaves out special tokens");
        }
    }

    @Test
    void tokenizerThatDoesNotMatchTheConfigIsRefused(@TempDir Path tmp) throws IOException {
        Path file = TestTokenizers.write(tmp.resolve("tokenizer.json"));
        String json = java.nio.file.Files.readString(file).replace("\"id\" : 192", "\"id\" : 194").replace("\"<|IMAGE|>\" : 192", "\"<|IMAGE|>\" : 194");
        java.nio.file.Files.writeString(file, json);
        IOException e = assertThrows(IOException.class, () -> QwenTokenizer.open(file, config()));
        System.out.println("mismatched tokenizer: " + e.getMessage());
        assertTrue(e.getMessage().contains("<|IMAGE|>") && e.getMessage().contains("194") && e.getMessage().contains("192"), e.getMessage());
    }

    @Test
    void processorFeedsTheThinkerToTheGoldenLogits(@TempDir Path tmp) throws IOException {
        Path folder = TestTokenizers.goldenModelFolder(tmp.resolve("model"));
        QwenConfig cfg = QwenConfig.read(folder.resolve("config.json"));
        try (NDManager m = manager.newSubManager();
             QwenProcessor p = QwenProcessor.open(m, folder, cfg, null);
             QwenThinker t = QwenThinker.load(m, folder)) {
            QwenThinker.Input in = p.chat(goldenImage(), goldenWave(), "w11 w42 w123 w7 w150");
            assertArrayEquals(QwenGolden.ints(inputs.get("input_ids")), in.ids());
            float[] logits = t.forward(m, List.of(in), LayerHook.NONE).logits().toFloatArray();
            JsonNode out = QwenGolden.json(QwenGolden.folder().resolve("outputs.json")).get("tensors");
            QwenGolden.assertClose("logits from raw image + waveform + text", QwenGolden.floats(out.get("logits")), logits);
        }
    }
}
