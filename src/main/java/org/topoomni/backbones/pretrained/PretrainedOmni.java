package org.topoomni.backbones.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The embedded default: a multimodal model built around two pretrained towers that stay frozen,
 * with the parts that connect them trained here ({@link PretrainedOmniPretraining}).
 * <ul>
 * <li>vision: the CenterNet MobileNetV3-Large x0.75 ({@link MobileNetV3}, 17 sites), then the
 * vision adapter: a per-position 1x1 projection of {@code extern1}'s 480 channels to
 * {@link PretrainedOmniConfig#visionAdapter()} units + GELU, the stack's last layer. Its
 * positions, projected to the thinker's width, are the vision tokens; each MobileNetV3 site
 * named in {@link PretrainedOmniConfig#summarySites()}, averaged over positions and projected,
 * adds one more (features of several scales);</li>
 * <li>audio: TinyOmni's audio encoder design, trained here: standardised log-mel frames, two 1-D
 * convolutions (the second stride 2), sinusoidal positions, pre-LayerNorm transformer blocks,
 * average pooling into a few tokens and a projection;</li>
 * <li>text: all-MiniLM-L6-v2 ({@link MiniLm}, 6 layers) reads the prompt (or a plain text); its
 * last hidden states, projected, are the prompt's tokens;</li>
 * <li>thinker: a causal decoder (pre-RMSNorm, rotary positions, SwiGLU) over
 * {@code [vision] [audio] [prompt states] <assistant> answer <end>} ({@link OmniBatch}) that
 * answers in the MiniLM's word pieces ({@link ThinkerVocabulary}; embedding tied to the output
 * head).</li>
 * </ul>
 * Sheet order: vision, audio, text side by side, the thinker below. Hooks see every site: the
 * CNN's as (images, H x W, channels), the transformers' as (rows, tokens, width).
 */
public final class PretrainedOmni implements Backbone {
    /** The registry id (the "architecture" of its config.json). */
    public static final String ARCHITECTURE = "pretrained-omni";
    public static final String VISION = MobileNetV3.STACK, AUDIO = "audio", TEXT = MiniLm.STACK, THINKER = "thinker";
    /** Width of the MiniLM's hidden states. */
    static final int TEXT_WIDTH = 384;

    private final PretrainedOmniConfig cfg;
    private final MobileNetV3 cnn;
    private final MiniLm text;
    private final ThinkerVocabulary vocab;
    private final Towers towers;
    private final Weights w;
    private final PretrainedOmniProcessor processor;
    private final int adapterLayer;

    /**
     * A model with freshly initialised trained parts (seeded) around the given towers, which it
     * then owns (closing the model closes them).
     */
    public PretrainedOmni(NDManager manager, PretrainedOmniConfig cfg, MobileNetV3 cnn, MiniLm text, ThinkerVocabulary vocab,
                          Towers towers, long seed) {
        if (cnn.widths().length != PretrainedOmniConfig.CNN_SITES) {
            throw new IllegalArgumentException("the vision tower has " + cnn.widths().length + " sites; pretrained-omni is built on the CenterNet MobileNetV3's " + PretrainedOmniConfig.CNN_SITES);
        }
        if (text.width() != TEXT_WIDTH) throw new IllegalArgumentException("the text tower is " + text.width() + " wide; pretrained-omni reads all-MiniLM-L6-v2's " + TEXT_WIDTH);
        this.cfg = cfg;
        this.cnn = cnn;
        this.text = text;
        this.vocab = vocab;
        this.towers = towers;
        this.adapterLayer = PretrainedOmniConfig.CNN_SITES;
        this.w = new Weights(manager);
        this.processor = new PretrainedOmniProcessor(cfg, text);
        init(new SplittableRandom(seed));
        w.requireGradients(false); // frozen unless its own base training asks for gradients
    }

    @Override
    public String architecture() {
        return ARCHITECTURE;
    }

    public PretrainedOmniConfig config() {
        return cfg;
    }

    /** The parameters trained here (the towers' are not among them). */
    public Weights weights() {
        return w;
    }

    public ThinkerVocabulary vocabulary() {
        return vocab;
    }

    public Towers towers() {
        return towers;
    }

    MobileNetV3 cnn() {
        return cnn;
    }

    MiniLm text() {
        return text;
    }

    /**
     * The CNN keeps every 128-px feature map of a pass until the pass ends: 512 images per pass
     * ran the demo out of memory. `perturb` on the default's 80 x 80 sheet, 720 answers: 16 rows
     * 45 answers/s at 1.5 GB peak, 48 rows 50/s at 2.8 GB, 128 rows 22/s at 5.1 GB.
     */
    @Override
    public int inferenceBatch() { return 48; }

    @Override
    public long parameterCount() {
        return w.count() + cnn.parameterCount() + text.parameterCount();
    }

    @Override
    public Processor processor() {
        return processor;
    }

    @Override
    public List<LayerStack> stacks() {
        return stacksOf(cfg, cnn.widths(), text.layers());
    }

    /** The stacks in sheet order for a config and the towers' site widths. */
    public static List<LayerStack> stacksOf(PretrainedOmniConfig cfg, int[] cnnWidths, int textLayers) {
        int[] vision = java.util.Arrays.copyOf(cnnWidths, cnnWidths.length + 1);
        vision[cnnWidths.length] = cfg.visionAdapter();
        return List.of(new LayerStack(VISION, Modality.VISION, Placement.SENSORY, vision),
                LayerStack.uniform(AUDIO, Modality.AUDIO, Placement.SENSORY, cfg.audio().layers(), cfg.audio().dim()),
                LayerStack.uniform(TEXT, Modality.LANGUAGE, Placement.SENSORY, textLayers, TEXT_WIDTH),
                LayerStack.uniform(THINKER, Modality.LANGUAGE, Placement.SHARED, cfg.thinker().layers(), cfg.thinker().dim()));
    }

    // ------------------------------------------------------------------ parameters

    private void init(SplittableRandom rng) {
        int d = cfg.thinker().dim(), head = cnn.widths()[PretrainedOmniConfig.CNN_SITES - 1], da = cfg.audio().dim();
        double std = Blocks.INIT_STD;
        w.normal("vision.adapter.w", Math.sqrt(2.0 / head), rng, head, cfg.visionAdapter());
        w.constant("vision.adapter.b", 0f, cfg.visionAdapter());
        w.normal("vision.proj.w", 1 / Math.sqrt(cfg.visionAdapter()), rng, cfg.visionAdapter(), d);
        w.constant("vision.proj.b", 0f, d);
        for (int site : cfg.summarySites()) {
            int c = cnn.widths()[site];
            w.normal("vision.summary." + site + ".w", 1 / Math.sqrt(c), rng, c, d);
            w.constant("vision.summary." + site + ".b", 0f, d);
        }
        Blocks.initAudioFrontEnd(w, AUDIO, cfg.melBands(), da, rng);
        Blocks.initEncoder(w, AUDIO, cfg.audio().layers(), da, cfg.audio().mlp(), rng);
        w.constant("audio.norm.g", 1f, da);
        w.constant("audio.norm.b", 0f, da);
        w.normal("audio.proj.w", std, rng, da, d);
        w.constant("audio.proj.b", 0f, d);
        w.normal("text.proj.w", 1 / Math.sqrt(TEXT_WIDTH), rng, TEXT_WIDTH, d);
        w.constant("text.proj.b", 0f, d);
        w.normal("thinker.embed", std, rng, vocab.size(), d);
        for (int l = 0; l < cfg.thinker().layers(); l++) Blocks.initDecoderBlock(w, THINKER + "." + l + ".", d, cfg.thinker().mlp(), cfg.thinker().layers(), rng);
        w.constant("thinker.norm.g", 1f, d);
    }

    private NDArray p(String name) {
        return w.get(name);
    }

    // ------------------------------------------------------------------ towers and encoders

    /** What the frozen MobileNetV3 gives for a batch of images: its last grid and the position means of the summary sites. */
    record CnnFeatures(NDArray grid, List<NDArray> summaries) {}

    /**
     * Runs the MobileNetV3 on images (raw RGB bytes), {@code hook} at its 17 sites (rows are the
     * batch items {@code items}); returns extern1 as (images, positions, 480) and the summary
     * sites' position means (images, channels), both after the hook.
     */
    CnnFeatures cnnFeatures(NDManager m, List<byte[]> images, int[] items, LayerHook hook) {
        int n = images.size(), s = cfg.imageSize(), plane = 3 * s * s;
        byte[] all = new byte[n * plane];
        for (int i = 0; i < n; i++) System.arraycopy(images.get(i), 0, all, i * plane, plane);
        NDArray x = m.create(java.nio.ByteBuffer.wrap(all), new Shape(n, 3, s, s), DataType.UINT8).toType(DataType.FLOAT32, false);
        Map<Integer, NDArray> means = new HashMap<>();
        LayerHook cnnHook = (site, out, tokens) -> {
            NDArray r = hook.apply(site, out, new TokenMap(items, tokens.valid(), tokens.tokens()));
            if (cfg.summarySites().contains(site.layer())) means.put(site.layer(), r.mean(new int[] {1}));
            return r;
        };
        NDArray head = cnn.forward(m, x, cnnHook); // (n, 480, g, g)
        long c = head.getShape().get(1);
        NDArray grid = head.reshape(n, c, -1).transpose(0, 2, 1);
        List<NDArray> summaries = new ArrayList<>();
        for (int site : cfg.summarySites()) summaries.add(means.get(site));
        return new CnnFeatures(grid, summaries);
    }

    /** The vision adapter on extern1's grid (images, positions, 480) -> (images, positions, adapter), before its hook. */
    NDArray adapter(NDArray grid) {
        return Nn.gelu(Nn.linear(grid, p("vision.adapter.w"), p("vision.adapter.b")));
    }

    /** Vision tokens (images, V, thinker width) from the CNN's features: the adapter (hooked as the stack's last layer), projected, then one token per summary site. */
    NDArray visionTokens(CnnFeatures f, int[] items, LayerHook hook) {
        NDArray a = adapter(f.grid());
        int positions = (int) a.getShape().get(1);
        a = hook.apply(new LayerSite(VISION, adapterLayer), a, TokenMap.full(items, positions));
        NDArray grid = Nn.linear(a, p("vision.proj.w"), p("vision.proj.b"));
        NDArray summary = summaryTokens(f);
        return summary == null ? grid : NDArrays.concat(new NDList(grid, summary), 1);
    }

    /** The summary sites' position means projected to the thinker's width, one token each: (images, sites, width), or null without summary sites. */
    NDArray summaryTokens(CnnFeatures f) {
        if (cfg.summarySites().isEmpty()) return null;
        NDList parts = new NDList();
        for (int k = 0; k < cfg.summarySites().size(); k++) {
            String n = "vision.summary." + cfg.summarySites().get(k);
            parts.add(Nn.linear(f.summaries().get(k), p(n + ".w"), p(n + ".b")).expandDims(1));
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 1);
    }

    /** The audio encoder on log-mel frames, {@code hook} after every block; its last layer after the final norm, (sounds, positions, width). */
    NDArray audioStates(NDManager m, List<float[]> mels, int[] items, LayerHook hook) {
        int n = mels.size(), f = cfg.audioFrames(), mb = cfg.melBands();
        float[] flat = new float[n * f * mb];
        for (int i = 0; i < n; i++) System.arraycopy(mels.get(i), 0, flat, i * f * mb, f * mb);
        NDArray h = Blocks.audioFrontEnd(m, w, AUDIO, m.create(flat, new Shape(n, f, mb)));
        TokenMap tokens = TokenMap.full(items, cfg.audioPositions());
        for (int l = 0; l < cfg.audio().layers(); l++) {
            h = Blocks.encoderBlock(w, AUDIO + "." + l + ".", h, cfg.audio().heads());
            h = hook.apply(new LayerSite(AUDIO, l), h, tokens);
        }
        return Nn.layerNorm(h, p("audio.norm.g"), p("audio.norm.b"));
    }

    /** Audio states averaged over {@link PretrainedOmniConfig#audioPool()} positions: (sounds, audio tokens, width). */
    NDArray pooledAudio(NDArray states) {
        long n = states.getShape().get(0), d = states.getShape().get(2);
        return states.reshape(n, cfg.audioTokens(), cfg.audioPool(), d).mean(new int[] {2});
    }

    /** Pooled audio states projected to the thinker's width. */
    NDArray audioTokens(NDArray pooled) {
        return Nn.linear(pooled, p("audio.proj.w"), p("audio.proj.b"));
    }

    /** The MiniLM's last hidden states of every item's text (items, word pieces, 384), {@code hook} after every layer. */
    NDArray textStates(NDManager m, List<int[]> texts, LayerHook hook) {
        return text.forward(m, text.tokens(texts), hook);
    }

    /** MiniLM states projected to the thinker's width. */
    NDArray promptTokens(NDArray states) {
        return Nn.linear(states, p("text.proj.w"), p("text.proj.b"));
    }

    /** The inputs of the thinker that come from the towers and encoders, already projected to its width. */
    record Media(NDArray vision, NDArray audio, NDArray prompt) {}

    Media encode(NDManager m, OmniBatch b, LayerHook hook) {
        NDArray vision = b.images.isEmpty() ? null : visionTokens(cnnFeatures(m, b.images, b.imageItems, hook), b.imageItems, hook);
        NDArray audio = b.mels.isEmpty() ? null : audioTokens(pooledAudio(audioStates(m, b.mels, b.audioItems, hook)));
        NDArray prompt = promptTokens(textStates(m, b.texts, hook));
        return new Media(vision, audio, prompt);
    }

    // ------------------------------------------------------------------ thinker

    /** The thinker's last hidden states after the final norm, (batch, length, width), {@code hook} after every layer. */
    NDArray think(NDManager m, OmniBatch b, Media media, LayerHook hook) {
        int bs = b.size, s = b.length, d = cfg.thinker().dim();
        long promptLen = media.prompt().getShape().get(1);
        long nTok = (long) bs * s, visionBase = nTok;
        long audioBase = visionBase + (media.vision() == null ? 0 : media.vision().getShape().get(0) * media.vision().getShape().get(1));
        long promptBase = audioBase + (media.audio() == null ? 0 : media.audio().getShape().get(0) * media.audio().getShape().get(1));
        long[] rows = new long[bs * s], src = new long[bs * s];
        for (int i = 0; i < bs; i++) {
            for (int j = 0; j < s; j++) {
                int at = i * s + j;
                int r = b.ref[at];
                switch (b.source[at]) {
                    case OmniBatch.VISION -> src[at] = visionBase + r;
                    case OmniBatch.AUDIO -> src[at] = audioBase + r;
                    case OmniBatch.PROMPT -> src[at] = promptBase + i * promptLen + r;
                    default -> {
                        rows[at] = r;
                        src[at] = at;
                    }
                }
            }
        }
        NDArray tokens = Nn.own(p("thinker.embed").get(new NDIndex("{}", m.create(rows))), m); // (b*s, d)
        NDList parts = new NDList(tokens);
        if (media.vision() != null) parts.add(media.vision().reshape(-1, d));
        if (media.audio() != null) parts.add(media.audio().reshape(-1, d));
        parts.add(media.prompt().reshape(-1, d));
        NDArray h = NDArrays.concat(parts, 0).get(new NDIndex("{}", m.create(src))).reshape(bs, s, d);

        float[] mask = new float[bs * s * s];
        for (int i = 0; i < bs; i++) {
            for (int q = 0; q < s; q++) {
                for (int k = 0; k < s; k++) mask[(i * s + q) * s + k] = (k <= q && k < b.lengths[i]) ? 0f : -1e9f;
            }
        }
        NDArray att = m.create(mask, new Shape(bs, 1, s, s));
        NDArray[] rope = Nn.ropeTables(m, s, d / cfg.thinker().heads(), cfg.ropeTheta());
        TokenMap map = new TokenMap(Nn.range(bs), b.inputMask, s);
        for (int l = 0; l < cfg.thinker().layers(); l++) {
            h = Blocks.decoderBlock(w, THINKER + "." + l + ".", h, cfg.thinker().heads(), att, rope);
            h = hook.apply(new LayerSite(THINKER, l), h, map);
        }
        return Nn.rmsNorm(h, p("thinker.norm.g"));
    }

    /** Logits over the thinker's vocabulary of some hidden states (..., width). */
    NDArray logits(NDManager m, NDArray hidden) {
        return hidden.matMul(Nn.own(p("thinker.embed").transpose(), m));
    }

    /** Mean cross-entropy of the learned positions of a batch, from the thinker's hidden states; only those positions go through the output head. */
    NDArray answerLoss(NDManager m, NDArray hidden, OmniBatch b) {
        if (b.lossTokens == 0) throw new IllegalArgumentException("the batch has no tokens to learn");
        long[] at = new long[b.lossTokens], target = new long[b.lossTokens];
        int k = 0;
        for (int i = 0; i < b.lossMask.length; i++) {
            if (b.lossMask[i] > 0) {
                at[k] = i;
                target[k++] = b.targets[i];
            }
        }
        NDArray picked = hidden.reshape(-1, cfg.thinker().dim()).get(new NDIndex("{}", m.create(at)));
        NDArray logp = logits(m, picked).logSoftmax(-1);
        return logp.gather(m.create(target, new Shape(target.length, 1)), 1).mean().neg();
    }

    // ------------------------------------------------------------------ Backbone

    OmniBatch batch(List<ModelInput> inputs, boolean appendEnd) {
        List<OmniInput> in = new ArrayList<>(inputs.size());
        for (ModelInput x : inputs) in.add(PretrainedOmniProcessor.input(x));
        return new OmniBatch(cfg, vocab, in, appendEnd);
    }

    @Override
    public Output forward(NDManager m, List<ModelInput> inputs, LayerHook hook) {
        OmniBatch b = batch(inputs, true);
        NDArray hidden = think(m, b, encode(m, b, hook), hook);
        return new Output() {
            private NDArray logits;

            @Override
            public NDArray logits() {
                if (logits == null) logits = PretrainedOmni.this.logits(m, hidden);
                return logits;
            }

            @Override
            public NDArray answerLoss() {
                return PretrainedOmni.this.answerLoss(m, hidden, b);
            }
        };
    }

    @Override
    public List<Answer> generate(NDManager manager, List<ModelInput> inputs, int maxTokens, LayerHook hook) {
        List<OmniInput> ex = new ArrayList<>(inputs.size());
        for (ModelInput in : inputs) ex.add(PretrainedOmniProcessor.input(in).withAnswer(new int[0]));
        List<List<Integer>> grown = new ArrayList<>();
        for (int i = 0; i < ex.size(); i++) grown.add(new ArrayList<>());
        boolean[] done = new boolean[ex.size()];
        try (NDManager m = manager.newSubManager()) {
            Media media = encode(m, new OmniBatch(cfg, vocab, ex, false), hook);
            for (int step = 0; step < maxTokens; step++) {
                List<OmniInput> cur = new ArrayList<>(ex.size());
                for (int i = 0; i < ex.size(); i++) cur.add(grownInput(ex.get(i), grown.get(i)));
                OmniBatch b = new OmniBatch(cfg, vocab, cur, false);
                try (NDManager sm = m.newSubManager()) {
                    NDArray hidden = think(sm, b, media, hook);
                    long[] last = new long[b.size];
                    for (int i = 0; i < b.size; i++) last[i] = (long) i * b.length + b.lengths[i] - 1;
                    NDArray at = hidden.reshape(-1, cfg.thinker().dim()).get(new NDIndex("{}", sm.create(last)));
                    float[] all = logits(sm, at).toFloatArray();
                    int v = vocab.size();
                    boolean allDone = true;
                    for (int i = 0; i < b.size; i++) {
                        if (done[i]) continue;
                        int best = ThinkerVocabulary.END_ROW;
                        float bv = Float.NEGATIVE_INFINITY;
                        for (int r = 0; r < v; r++) {
                            if (ThinkerVocabulary.emittable(r) && all[i * v + r] > bv) {
                                bv = all[i * v + r];
                                best = r;
                            }
                        }
                        if (best == ThinkerVocabulary.END_ROW) done[i] = true;
                        else grown.get(i).add(vocab.piece(best));
                        allDone &= done[i];
                    }
                    if (allDone) break;
                }
            }
        }
        List<Answer> out = new ArrayList<>(ex.size());
        for (List<Integer> g : grown) {
            int[] ids = g.stream().mapToInt(Integer::intValue).toArray();
            out.add(new Answer(text.decode(ids).strip(), ids));
        }
        return out;
    }

    /** An input with the answer grown so far: a chat's answer, or a plain text's continuation (its [SEP] dropped by the batch). */
    private static OmniInput grownInput(OmniInput in, List<Integer> grown) {
        int[] g = grown.stream().mapToInt(Integer::intValue).toArray();
        if (!in.plainText()) return in.withAnswer(g);
        int[] t = in.text();
        int[] cont = new int[t.length + g.length];
        System.arraycopy(t, 0, cont, 0, t.length - 1);
        System.arraycopy(g, 0, cont, t.length - 1, g.length);
        cont[cont.length - 1] = t[t.length - 1];
        return new OmniInput(null, null, cont, new int[0], true);
    }

    @Override
    public void close() {
        w.close();
        cnn.close();
        text.close();
    }
}
