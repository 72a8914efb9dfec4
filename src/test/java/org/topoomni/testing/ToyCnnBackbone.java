package org.topoomni.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.topoomni.model.Answer;
import org.topoomni.model.Backbone;
import org.topoomni.model.BackboneFactory;
import org.topoomni.model.LayerHook;
import org.topoomni.model.LayerSite;
import org.topoomni.model.ModelInput;
import org.topoomni.model.Output;
import org.topoomni.model.Processor;
import org.topoomni.model.TokenMap;
import org.topoomni.model.Weights;
import org.topoomni.sheet.LayerStack;
import org.topoomni.sheet.Modality;
import org.topoomni.sheet.Placement;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.task.Answers;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A second backbone, deliberately unlike TinyOmni, to show that the program needs nothing of an
 * architecture beyond {@link Backbone}: a two-stack network, a CNN of three convolutional
 * blocks whose widths change from block to block (8, 16, 32 channels; its hook sees each block's
 * feature map as (images, H x W, channels)) and an MLP of two layers (20 and 36 units, one token
 * per item) that reads the pooled CNN features and a hashed bag of the prompt's words and names
 * one phrase of a small answer vocabulary. No audio stack: sounds are ignored. Its folder is a
 * {@code config.json} ({@code "architecture": "toy-cnn-mlp"}) and a {@code model.safetensors}.
 */
public final class ToyCnnBackbone implements Backbone {
    public static final String ARCHITECTURE = "toy-cnn-mlp";
    static final int IMAGE = 16, TEXT = 16;
    static final int[] CHANNELS = {8, 16, 32};
    static final int[] MLP = {20, 36};
    /** The answer vocabulary: the judge's phrases of the library's visual and audiovisual categories, and "nothing". */
    static final List<String> VOCAB = List.of("nothing", Answers.phrase("faces"), Answers.phrase("bodies"), Answers.phrase("objects"),
            Answers.phrase("scenes"), Answers.phrase("words"), Answers.phrase("scrambled_objects"), Answers.phrase("animals"));

    private final Weights w;

    private ToyCnnBackbone(NDManager manager, long seed) {
        w = new Weights(manager);
        SplittableRandom r = new SplittableRandom(seed);
        int in = 3;
        for (int k = 0; k < CHANNELS.length; k++) {
            w.normal("cnn." + k + ".w", Math.sqrt(2.0 / (in * 9)), r, CHANNELS[k], in, 3, 3);
            w.constant("cnn." + k + ".b", 0.01f, CHANNELS[k]);
            in = CHANNELS[k];
        }
        int d = CHANNELS[CHANNELS.length - 1] + TEXT;
        for (int k = 0; k < MLP.length; k++) {
            w.normal("mlp." + k + ".w", 1 / Math.sqrt(d), r, d, MLP[k]);
            w.constant("mlp." + k + ".b", 0f, MLP[k]);
            d = MLP[k];
        }
        w.normal("head.w", 1 / Math.sqrt(d), r, d, VOCAB.size());
    }

    /** Writes a randomly initialised toy model folder. */
    public static Path write(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        try (NDManager m = NDManager.newBaseManager()) {
            ToyCnnBackbone b = new ToyCnnBackbone(m, seed);
            b.w.save(dir.resolve("model.safetensors"), Map.of());
        }
        Files.writeString(dir.resolve("config.json"), "{\"architecture\": \"" + ARCHITECTURE + "\", \"image_size\": " + IMAGE + "}\n");
        return dir;
    }

    @Override
    public String architecture() {
        return ARCHITECTURE;
    }

    @Override
    public List<LayerStack> stacks() {
        return STACKS;
    }

    static final List<LayerStack> STACKS = List.of(new LayerStack("cnn", Modality.VISION, Placement.SENSORY, CHANNELS),
            new LayerStack("mlp", Modality.LANGUAGE, Placement.SHARED, MLP));

    @Override
    public long parameterCount() {
        return w.count();
    }

    // ------------------------------------------------------------------ inputs

    /** A toy input: a 16 x 16 RGB picture (or none), the hashed words of the prompt, an answer index (or -1). */
    record Input(float[] image, float[] text, int answer, boolean plainText) implements ModelInput {
        @Override
        public boolean hasImage() {
            return image != null;
        }

        @Override
        public boolean hasAudio() {
            return false;
        }
    }

    private final Processor processor = new Processor() {
        @Override
        public ModelInput chat(Stimulus s, String prompt) {
            String text = prompt != null ? prompt : s.hasText() ? s.text() : "";
            return new Input(s.hasImage() ? pixels(s.image()) : null, words(text), -1, false);
        }

        @Override
        public ModelInput plainText(String text) {
            return new Input(null, words(text), -1, true);
        }

        @Override
        public ModelInput withAnswer(ModelInput input, Answer answer) {
            Input in = (Input) input;
            return new Input(in.image(), in.text(), answer.tokens().length == 0 ? 0 : answer.tokens()[0], in.plainText());
        }

        @Override
        public Answer answer(String text) {
            String t = text.toLowerCase(Locale.ROOT);
            for (int i = 1; i < VOCAB.size(); i++) if (t.contains(VOCAB.get(i))) return new Answer(VOCAB.get(i), new int[] {i});
            return new Answer(VOCAB.get(0), new int[] {0});
        }
    };

    @Override
    public Processor processor() {
        return processor;
    }

    static float[] pixels(BufferedImage img) {
        BufferedImage small = new BufferedImage(IMAGE, IMAGE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.drawImage(img, 0, 0, IMAGE, IMAGE, null);
        g.dispose();
        float[] out = new float[3 * IMAGE * IMAGE];
        for (int y = 0; y < IMAGE; y++) {
            for (int x = 0; x < IMAGE; x++) {
                int rgb = small.getRGB(x, y);
                for (int c = 0; c < 3; c++) out[c * IMAGE * IMAGE + y * IMAGE + x] = ((rgb >> (16 - 8 * c)) & 0xff) / 255f;
            }
        }
        return out;
    }

    static float[] words(String text) {
        float[] v = new float[TEXT];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) if (!word.isEmpty()) v[Math.floorMod(word.hashCode(), TEXT)] += 1f;
        return v;
    }

    // ------------------------------------------------------------------ forward

    @Override
    public Output forward(NDManager m, List<ModelInput> inputs, LayerHook hook) {
        int b = inputs.size();
        List<Integer> withImage = new ArrayList<>();
        for (int i = 0; i < b; i++) if (inputs.get(i).hasImage()) withImage.add(i);
        NDArray pooled = m.zeros(new Shape(b, CHANNELS[CHANNELS.length - 1]));
        if (!withImage.isEmpty()) {
            float[] flat = new float[withImage.size() * 3 * IMAGE * IMAGE];
            for (int r = 0; r < withImage.size(); r++) System.arraycopy(((Input) inputs.get(withImage.get(r))).image(), 0, flat, r * 3 * IMAGE * IMAGE, 3 * IMAGE * IMAGE);
            NDArray x = m.create(flat, new Shape(withImage.size(), 3, IMAGE, IMAGE));
            int[] items = withImage.stream().mapToInt(Integer::intValue).toArray();
            for (int k = 0; k < CHANNELS.length; k++) {
                Shape stride = k == 0 ? new Shape(1, 1) : new Shape(2, 2);
                x = Activation.relu(Conv2d.conv2d(x, w.get("cnn." + k + ".w"), w.get("cnn." + k + ".b"), stride, new Shape(1, 1)).singletonOrThrow());
                long n = x.getShape().get(0), c = x.getShape().get(1), h = x.getShape().get(2), wd = x.getShape().get(3);
                NDArray tokens = x.reshape(n, c, h * wd).transpose(0, 2, 1); // (images, H x W, channels)
                tokens = hook.apply(new LayerSite("cnn", k), tokens, TokenMap.full(items, (int) (h * wd)));
                x = tokens.transpose(0, 2, 1).reshape(n, c, h, wd);
            }
            NDArray means = x.reshape(x.getShape().get(0), x.getShape().get(1), -1).mean(new int[] {2});
            long[] idx = new long[b];
            for (int i = 0; i < b; i++) idx[i] = withImage.indexOf(i) + 1;
            NDArray padded = m.zeros(new Shape(1, means.getShape().get(1))).concat(means, 0); // row 0: the zeros of an item without a picture
            pooled = padded.get(new ai.djl.ndarray.index.NDIndex("{}", m.create(idx)));
        }
        float[] text = new float[b * TEXT];
        for (int i = 0; i < b; i++) System.arraycopy(((Input) inputs.get(i)).text(), 0, text, i * TEXT, TEXT);
        NDArray h = pooled.concat(m.create(text, new Shape(b, TEXT)), 1);
        int[] all = new int[b];
        for (int i = 0; i < b; i++) all[i] = i;
        for (int k = 0; k < MLP.length; k++) {
            h = h.matMul(w.get("mlp." + k + ".w")).add(w.get("mlp." + k + ".b")).tanh();
            NDArray t = hook.apply(new LayerSite("mlp", k), h.reshape(b, 1, MLP[k]), TokenMap.full(all, 1));
            h = t.reshape(b, MLP[k]);
        }
        NDArray logits = h.matMul(w.get("head.w")).reshape(b, 1, VOCAB.size());
        return new Output() {
            @Override
            public NDArray logits() {
                return logits;
            }

            @Override
            public NDArray answerLoss() {
                List<Integer> rows = new ArrayList<>();
                for (int i = 0; i < b; i++) if (((Input) inputs.get(i)).answer() >= 0) rows.add(i);
                if (rows.isEmpty()) throw new IllegalArgumentException("no input has an answer to learn");
                float[] onehot = new float[b * VOCAB.size()];
                for (int i : rows) onehot[i * VOCAB.size() + ((Input) inputs.get(i)).answer()] = 1f;
                NDArray logp = logits.reshape(b, VOCAB.size()).logSoftmax(1);
                return logp.mul(m.create(onehot, new Shape(b, VOCAB.size()))).sum().neg().div((float) rows.size());
            }
        };
    }

    @Override
    public List<Answer> generate(NDManager manager, List<ModelInput> inputs, int maxTokens, LayerHook hook) {
        List<Answer> out = new ArrayList<>();
        try (NDManager m = manager.newSubManager()) {
            float[] logits = forward(m, inputs, hook).logits().toFloatArray();
            for (int i = 0; i < inputs.size(); i++) {
                int best = 0;
                for (int k = 1; k < VOCAB.size(); k++) if (logits[i * VOCAB.size() + k] > logits[i * VOCAB.size() + best]) best = k;
                out.add(new Answer(VOCAB.get(best), new int[] {best}));
            }
        }
        return out;
    }

    @Override
    public void close() {
        w.close();
    }

    /** Opens toy model folders for the registry. */
    public static final class Factory implements BackboneFactory {
        @Override
        public String id() {
            return ARCHITECTURE;
        }

        @Override
        public String description() {
            return "a test-only CNN + MLP (config.json \"architecture\": \"" + ARCHITECTURE + "\")";
        }

        @Override
        public boolean accepts(JsonNode config) {
            return ARCHITECTURE.equals(config.path("architecture").asText());
        }

        @Override
        public List<LayerStack> stacks(Path folder) {
            return STACKS;
        }

        @Override
        public Backbone open(NDManager manager, Path folder) throws IOException {
            JsonNode cfg = new ObjectMapper().readTree(folder.resolve("config.json").toFile());
            if (cfg.path("image_size").asInt() != IMAGE) throw new IOException(folder + ": the toy model needs image_size " + IMAGE);
            ToyCnnBackbone b = new ToyCnnBackbone(manager, 0);
            try {
                b.w.load(folder.resolve("model.safetensors"));
            } catch (IOException | RuntimeException e) {
                b.close();
                throw e;
            }
            b.w.requireGradients(false);
            return b;
        }
    }
}
