package org.topoomni.backbones.tinyomni;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.topoomni.model.Answer;
import org.topoomni.model.Backbone;
import org.topoomni.model.LayerHook;
import org.topoomni.model.LayerSite;
import org.topoomni.model.ModelInput;
import org.topoomni.model.Output;
import org.topoomni.model.Processor;
import org.topoomni.model.TokenMap;
import org.topoomni.model.Weights;
import org.topoomni.nn.Blocks;
import org.topoomni.nn.Nn;
import org.topoomni.sheet.LayerStack;
import org.topoomni.sheet.Modality;
import org.topoomni.sheet.Placement;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * TinyOmni: Qwen2.5-Omni's Thinker at small scale, in DJL.
 * <ul>
 * <li>vision encoder: 8 x 8 patches of the RGB image, embedded by a small convolutional stem
 * (three stride-2 3 x 3 convolutions; Qwen uses a linear patch embedding, which needs far more
 * data than a laptop-scale pretraining has) + learned positions,
 * pre-norm transformer blocks (LayerNorm, bidirectional attention, GELU MLP), then a 2 x 2
 * patch merger (an MLP over each 2 x 2 group) into the language model's width;</li>
 * <li>audio encoder: log-mel frames, two 1-D convolutions (the second with stride 2, as in
 * Whisper/Qwen2-Audio), sinusoidal positions, transformer blocks, average pooling over time and
 * a projection;</li>
 * <li>language model: causal pre-norm blocks (RMSNorm, rotary positions, attention with q/k/v
 * biases, SwiGLU MLP), tied input/output embeddings; image and audio placeholders in the prompt
 * are replaced in place by the projected encoder outputs.</li>
 * </ul>
 * Left out at this scale (documented in docs/TINYOMNI.md): windowed vision attention, multimodal
 * rotary positions (we use 1-D positions), grouped-query attention.
 */
public final class TinyOmni implements Backbone {
    public static final String VISION = "vision", AUDIO = "audio", LANGUAGE = "language";
    /** The registry id of the architecture (the "architecture" field of its config.json). */
    public static final String ARCHITECTURE = "tinyomni";

    private final OmniConfig cfg;
    private final Tokenizer tokenizer;
    private final Weights w;
    private final TinyOmniProcessor processor;

    public TinyOmni(NDManager manager, OmniConfig cfg, Tokenizer tokenizer, long seed) {
        if (tokenizer.vocabSize() > cfg.vocabSize()) {
            throw new IllegalArgumentException("tokenizer has " + tokenizer.vocabSize() + " tokens; config vocab_size is " + cfg.vocabSize());
        }
        this.cfg = cfg;
        this.tokenizer = tokenizer;
        this.w = new Weights(manager);
        this.processor = new TinyOmniProcessor(cfg, tokenizer);
        init(new SplittableRandom(seed));
        w.requireGradients(false); // frozen unless its own pretraining asks for gradients
    }

    @Override
    public String architecture() { return ARCHITECTURE; }

    public OmniConfig config() { return cfg; }

    public Tokenizer tokenizer() { return tokenizer; }

    /** Its parameters: the pretraining in this package trains them; everything else sees a frozen backbone. */
    public Weights weights() { return w; }

    /** Small activations: the 512 rows per pass that the perturbation always used with this model. */
    @Override
    public int inferenceBatch() { return 512; }

    @Override
    public long parameterCount() { return w.count(); }

    @Override
    public Processor processor() { return processor; }

    @Override
    public List<LayerStack> stacks() {
        return stacksOf(cfg);
    }

    /** The stacks of a config, in sheet order: vision and audio encoders side by side, the language model below. */
    public static List<LayerStack> stacksOf(OmniConfig cfg) {
        return List.of(LayerStack.uniform(VISION, Modality.VISION, Placement.SENSORY, cfg.vision().layers(), cfg.vision().dim()),
                LayerStack.uniform(AUDIO, Modality.AUDIO, Placement.SENSORY, cfg.audio().layers(), cfg.audio().dim()),
                LayerStack.uniform(LANGUAGE, Modality.LANGUAGE, Placement.SHARED, cfg.language().layers(), cfg.language().dim()));
    }

    // ------------------------------------------------------------------ parameters

    private void init(SplittableRandom rng) {
        int dv = cfg.vision().dim(), da = cfg.audio().dim(), dl = cfg.language().dim();
        int p = cfg.patchSize(), m = cfg.mergeSize();
        double std = 0.02;
        // Convolutional patch embedding: log2(patch) stride-2 3x3 convolutions (3 -> dv/4 -> dv/2 -> dv for 8 x 8 patches).
        int in = 3, stages = Integer.numberOfTrailingZeros(p);
        for (int k = 0; k < stages; k++) {
            int outCh = k == stages - 1 ? dv : Math.max(8, dv >> (stages - 1 - k));
            w.normal("vision.stem." + k + ".w", Math.sqrt(2.0 / (in * 9)), rng, outCh, in, 3, 3);
            w.constant("vision.stem." + k + ".b", 0f, outCh);
            in = outCh;
        }
        w.constant("vision.stem.norm.g", 1f, dv);
        w.constant("vision.stem.norm.b", 0f, dv);
        w.normal("vision.pos", std, rng, cfg.patches(), dv);
        Blocks.initEncoder(w, "vision", cfg.vision().layers(), dv, cfg.vision().mlp(), rng);
        w.constant("vision.norm.g", 1f, dv);
        w.constant("vision.norm.b", 0f, dv);
        w.normal("vision.merge.w1", std, rng, (long) m * m * dv, dl);
        w.constant("vision.merge.b1", 0f, dl);
        w.normal("vision.merge.w2", std, rng, dl, dl);
        w.constant("vision.merge.b2", 0f, dl);

        Blocks.initAudioFrontEnd(w, "audio", cfg.melBands(), da, rng);
        Blocks.initEncoder(w, "audio", cfg.audio().layers(), da, cfg.audio().mlp(), rng);
        w.constant("audio.norm.g", 1f, da);
        w.constant("audio.norm.b", 0f, da);
        w.normal("audio.proj.w", std, rng, da, dl);
        w.constant("audio.proj.b", 0f, dl);

        w.normal("language.embed", std, rng, cfg.vocabSize(), dl);
        OmniConfig.StackConfig lc = cfg.language();
        for (int l = 0; l < lc.layers(); l++) Blocks.initDecoderBlock(w, "language." + l + ".", dl, lc.mlp(), lc.layers(), rng);
        w.constant("language.norm.g", 1f, dl);
    }

    private NDArray p(String name) {
        return w.get(name);
    }

    // ------------------------------------------------------------------ forward

    /** Encoder outputs projected to the language model's width, before they enter the prompt. */
    private record Media(NDArray vision, NDArray audio) {}

    private Media encode(NDManager m, Batch batch, LayerHook hook) {
        NDArray vision = null, audio = null;
        if (!batch.images.isEmpty()) vision = encodeImages(m, batch, hook);
        if (!batch.mels.isEmpty()) audio = encodeAudio(m, batch, hook);
        return new Media(vision, audio);
    }

    private NDArray encodeImages(NDManager m, Batch batch, LayerHook hook) {
        NDArray h = visionFeatures(m, batch, hook);
        int n = batch.images.size(), g = cfg.imageSize() / cfg.patchSize();
        int ms = cfg.mergeSize(), gm = g / ms;
        long dv = cfg.vision().dim();
        NDArray grouped = h.reshape(n, gm, ms, gm, ms, dv).transpose(0, 1, 3, 2, 4, 5).reshape(n, (long) gm * gm, ms * ms * dv);
        return Nn.mlp(grouped, p("vision.merge.w1"), p("vision.merge.b1"), p("vision.merge.w2"), p("vision.merge.b2"));
    }

    /**
     * The vision encoder alone, before the patch merger: the last layer after the final norm,
     * (images, patches, width) in row-major patch order. Used by the encoder pretraining phase,
     * which trains the vision stack without running the language model.
     */
    public NDArray visionFeatures(NDManager m, Batch batch, LayerHook hook) {
        if (batch.images.isEmpty()) throw new IllegalArgumentException("the batch holds no images");
        int n = batch.images.size(), size = cfg.imageSize(), ps = cfg.patchSize(), g = size / ps;
        float[] flat = new float[n * 3 * size * size];
        for (int i = 0; i < n; i++) System.arraycopy(batch.images.get(i), 0, flat, i * 3 * size * size, 3 * size * size);
        NDArray x = m.create(flat, new Shape(n, 3, size, size));
        int stages = Integer.numberOfTrailingZeros(ps);
        for (int k = 0; k < stages; k++) {
            x = Conv2d.conv2d(x, p("vision.stem." + k + ".w"), p("vision.stem." + k + ".b"), new Shape(2, 2), new Shape(1, 1)).singletonOrThrow();
            if (k < stages - 1) x = Nn.gelu(x);
        }
        long dvl = cfg.vision().dim();
        NDArray h = Nn.layerNorm(x.reshape(n, dvl, (long) g * g).transpose(0, 2, 1), p("vision.stem.norm.g"), p("vision.stem.norm.b"))
                .add(p("vision.pos")); // (n, patches, dv), row-major patches
        TokenMap tokens = TokenMap.full(batch.imageItems, g * g);
        h = encoderStack("vision", cfg.vision(), h, tokens, hook);
        return Nn.layerNorm(h, p("vision.norm.g"), p("vision.norm.b"));
    }

    private NDArray encodeAudio(NDManager m, Batch batch, LayerHook hook) {
        NDArray h = audioFeatures(m, batch, hook);
        int n = batch.mels.size(), da = cfg.audio().dim();
        NDArray pooled = h.reshape(n, cfg.audioTokens(), cfg.audioPool(), da).mean(new int[] {2});
        return Nn.linear(pooled, p("audio.proj.w"), p("audio.proj.b"));
    }

    /**
     * The audio encoder alone, before pooling and projection: the last layer after the final
     * norm, (sounds, positions, width). Used by the encoder pretraining phase.
     */
    public NDArray audioFeatures(NDManager m, Batch batch, LayerHook hook) {
        if (batch.mels.isEmpty()) throw new IllegalArgumentException("the batch holds no sounds");
        int n = batch.mels.size(), f = cfg.audioFrames(), mb = cfg.melBands();
        float[] flat = new float[n * f * mb];
        for (int i = 0; i < n; i++) System.arraycopy(batch.mels.get(i), 0, flat, i * f * mb, f * mb);
        NDArray h = Blocks.audioFrontEnd(m, w, "audio", m.create(flat, new Shape(n, f, mb))); // (n, frames/2, da)
        int t = cfg.audioPositions();
        TokenMap tokens = TokenMap.full(batch.audioItems, t);
        h = encoderStack("audio", cfg.audio(), h, tokens, hook);
        return Nn.layerNorm(h, p("audio.norm.g"), p("audio.norm.b"));
    }

    private NDArray encoderStack(String stack, OmniConfig.StackConfig c, NDArray h, TokenMap tokens, LayerHook hook) {
        for (int l = 0; l < c.layers(); l++) {
            h = Blocks.encoderBlock(w, stack + "." + l + ".", h, c.heads());
            h = hook.apply(new LayerSite(stack, l), h, tokens);
        }
        return h;
    }

    @Override
    public Output forward(NDManager m, List<ModelInput> inputs, LayerHook hook) {
        Batch batch = batch(inputs);
        NDArray logits = forward(m, batch, hook);
        return new Output() {
            @Override
            public NDArray logits() { return logits; }

            @Override
            public NDArray answerLoss() { return Losses.answerCrossEntropy(logits, batch); }
        };
    }

    /** The inputs as one padded batch; answers and plain texts end with the end token. */
    Batch batch(List<ModelInput> inputs) {
        List<Example> ex = new ArrayList<>(inputs.size());
        for (ModelInput in : inputs) ex.add(TinyOmniProcessor.example(in));
        return new Batch(cfg, ex, true);
    }

    /** Next-token logits (batch, length, vocabulary) of a batch, with {@code hook} after every layer of every stack. */
    public NDArray forward(NDManager m, Batch batch, LayerHook hook) {
        return decode(m, batch, encode(m, batch, hook), hook);
    }

    private NDArray decode(NDManager m, Batch batch, Media media, LayerHook hook) {
        int b = batch.size, s = batch.length, dl = cfg.language().dim();
        int ni = cfg.imageTokens(), na = cfg.audioTokens();
        // Where each position's input vector comes from: its token embedding, or an encoder output.
        long[] src = new long[b * s];
        int[] imageRow = new int[b], audioRow = new int[b];
        java.util.Arrays.fill(imageRow, -1);
        java.util.Arrays.fill(audioRow, -1);
        for (int r = 0; r < batch.imageItems.length; r++) imageRow[batch.imageItems[r]] = r;
        for (int r = 0; r < batch.audioItems.length; r++) audioRow[batch.audioItems[r]] = r;
        long visionBase = (long) b * s, audioBase = visionBase + (long) batch.imageItems.length * ni;
        for (int i = 0; i < b; i++) {
            int ki = 0, ka = 0;
            for (int j = 0; j < s; j++) {
                int id = batch.ids[i * s + j];
                if (id == Tokenizer.IMAGE_ID && imageRow[i] >= 0 && ki < ni) src[i * s + j] = visionBase + (long) imageRow[i] * ni + ki++;
                else if (id == Tokenizer.AUDIO_ID && audioRow[i] >= 0 && ka < na) src[i * s + j] = audioBase + (long) audioRow[i] * na + ka++;
                else src[i * s + j] = (long) i * s + j;
            }
        }
        NDArray ids = m.create(Nn.toLong(batch.ids));
        NDArray text = Nn.own(p("language.embed").get(new NDIndex("{}", ids)), m); // (b*s, dl)
        NDList parts = new NDList(text);
        if (media.vision() != null) parts.add(media.vision().reshape(-1, dl));
        if (media.audio() != null) parts.add(media.audio().reshape(-1, dl));
        NDArray table = parts.size() == 1 ? text : NDArrays.concat(parts, 0);
        NDArray h = table.get(new NDIndex("{}", m.create(src))).reshape(b, s, dl);

        float[] mask = new float[b * s * s];
        for (int i = 0; i < b; i++) {
            for (int q = 0; q < s; q++) {
                for (int k = 0; k < s; k++) {
                    mask[(i * s + q) * s + k] = (k <= q && k < batch.lengths[i]) ? 0f : -1e9f;
                }
            }
        }
        NDArray att = m.create(mask, new Shape(b, 1, s, s));
        int hd = dl / cfg.language().heads();
        NDArray[] rope = Nn.ropeTables(m, s, hd, cfg.ropeTheta());
        TokenMap tokens = new TokenMap(Nn.range(b), batch.inputMask, s);
        OmniConfig.StackConfig lc = cfg.language();
        for (int l = 0; l < lc.layers(); l++) {
            h = Blocks.decoderBlock(w, "language." + l + ".", h, lc.heads(), att, rope);
            h = hook.apply(new LayerSite(LANGUAGE, l), h, tokens);
        }
        h = Nn.rmsNorm(h, p("language.norm.g"));
        return h.matMul(Nn.own(p("language.embed").transpose(), m));
    }

    @Override
    public List<Answer> generate(NDManager manager, List<ModelInput> inputs, int maxTokens, LayerHook hook) {
        List<Example> ex = new ArrayList<>(inputs.size());
        for (ModelInput in : inputs) ex.add(TinyOmniProcessor.example(in));
        List<Answer> out = new ArrayList<>(ex.size());
        for (int[] ids : generateIds(manager, ex, maxTokens, hook)) out.add(new Answer(tokenizer.decode(ids).strip(), ids));
        return out;
    }

    /** Greedy answers as token ids, at most {@code maxTokens} each, with {@code hook} at every layer. */
    List<int[]> generateIds(NDManager manager, List<Example> examples, int maxTokens, LayerHook hook) {
        List<int[]> answers = new ArrayList<>();
        List<List<Integer>> grown = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) grown.add(new ArrayList<>());
        boolean[] done = new boolean[examples.size()];
        try (NDManager m = manager.newSubManager()) {
            Batch first = new Batch(cfg, examples.stream().map(e -> Example.chat(e.image(), e.mel(), e.prompt(), new int[0])).toList(), false);
            Media media = encode(m, first, hook);
            for (int step = 0; step < maxTokens; step++) {
                List<Example> cur = new ArrayList<>();
                for (int i = 0; i < examples.size(); i++) {
                    Example e = examples.get(i);
                    cur.add(Example.chat(e.image(), e.mel(), e.prompt(), grown.get(i).stream().mapToInt(Integer::intValue).toArray()));
                }
                Batch batch = new Batch(cfg, cur, false);
                try (NDManager stepManager = m.newSubManager()) {
                    NDArray logits = decode(stepManager, batch, media, hook);
                    long[] next = new long[batch.size];
                    float[] all = logits.toType(DataType.FLOAT32, false).toFloatArray();
                    int v = cfg.vocabSize();
                    for (int i = 0; i < batch.size; i++) {
                        int pos = batch.lengths[i] - 1;
                        int off = (i * batch.length + pos) * v, best = Tokenizer.EOS_ID;
                        float bv = Float.NEGATIVE_INFINITY;
                        for (int k = 0; k < v; k++) {
                            if (k == Tokenizer.PAD_ID || (k < Tokenizer.SPECIALS && k != Tokenizer.EOS_ID) || k >= tokenizer.vocabSize()) continue;
                            if (all[off + k] > bv) { bv = all[off + k]; best = k; }
                        }
                        next[i] = best;
                    }
                    boolean allDone = true;
                    for (int i = 0; i < batch.size; i++) {
                        if (done[i]) continue;
                        if (next[i] == Tokenizer.EOS_ID) done[i] = true; else grown.get(i).add((int) next[i]);
                        allDone &= done[i];
                    }
                    if (allDone) break;
                }
            }
        }
        for (List<Integer> g : grown) answers.add(g.stream().mapToInt(Integer::intValue).toArray());
        return answers;
    }

    @Override
    public void close() {
        w.close();
    }
}
