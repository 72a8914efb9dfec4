package org.topoomni.backbones.qwen;

import org.topoomni.nn.Scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.topoomni.model.LayerHook;
import org.topoomni.model.LayerSite;
import org.topoomni.model.TokenMap;

/**
 * The Thinker's language model (transformers' {@code Qwen2_5OmniThinkerTextModel} and its
 * {@code lm_head}): a Qwen2 decoder with grouped-query attention (q/k/v with biases, o without),
 * RMSNorm, SwiGLU MLP and multimodal rotary positions. Each of the head's 64 rotary frequency
 * pairs reads one position axis, chosen by {@code mrope_section} ([16, 24, 24]: t for the first
 * 16, h for the next 24, w for the last 24; the same for the second half of the head).
 *
 * <p>{@link #layers} runs every decoder layer on new tokens, appending their keys and values to a
 * {@link Cache} when one is given, and calls the hook after each layer with (rows, tokens, hidden).
 */
final class TextDecoder {
    static final String STACK = "language";

    /** Keys and values of the tokens seen so far, per layer: (rows, kv heads, tokens, head_dim). */
    static final class Cache {
        final NDArray[] keys, values;

        Cache(int layers) {
            keys = new NDArray[layers];
            values = new NDArray[layers];
        }

        long length() {
            return keys[0] == null ? 0 : keys[0].getShape().get(2);
        }
    }

    private final QwenConfig.Text c;
    private final QwenWeights w;
    private final float[] invFreq;
    private final int[] axisOf; // rotary frequency index -> position axis (0 t, 1 h, 2 w)

    TextDecoder(NDManager m, QwenConfig.Text c, QwenWeights w) {
        this.c = c;
        this.w = w;
        int hd = c.headDim();
        try (NDManager s = m.newSubManager()) {
            // 1 / theta^(arange(0, hd, 2) / hd) in float32, evaluated by the engine like torch.
            NDArray exponent = Scalar.div(s.arange(0, hd, 2, DataType.FLOAT32), hd);
            invFreq = s.full(exponent.getShape(), (float) c.ropeTheta()).pow(exponent).getNDArrayInternal().rdiv(1f).toFloatArray();
        }
        axisOf = new int[hd / 2];
        int k = 0;
        for (int a = 0; a < 3; a++) for (int j = 0; j < c.mropeSection()[a]; j++) axisOf[k++] = a;
    }

    /**
     * Rotary cos and sin, (rows, 1, tokens, head_dim), for positions {@code pos[row][axis][token]}.
     */
    NDArray[] rope(NDManager m, int[][][] pos) {
        int rows = pos.length, s = pos[0][0].length, hd = c.headDim(), half = hd / 2;
        float[] angles = new float[rows * s * hd];
        for (int r = 0; r < rows; r++)
            for (int t = 0; t < s; t++) {
                int off = (r * s + t) * hd;
                for (int j = 0; j < half; j++) {
                    float a = (float) pos[r][axisOf[j]][t] * invFreq[j];
                    angles[off + j] = a;
                    angles[off + half + j] = a;
                }
            }
        return Ops.cosSin(m, angles, rows, 1, s, hd);
    }

    /** Token embeddings (rows, tokens, hidden), in {@code m}. */
    NDArray embed(NDManager m, long[] ids, int rows) {
        NDArray e = w.get("model.embed_tokens.weight").get(new ai.djl.ndarray.index.NDIndex("{}", m.create(ids)));
        e.attach(m);
        return e.reshape(rows, ids.length / rows, c.hidden());
    }

    /**
     * Every decoder layer on (rows, tokens, hidden) new tokens.
     *
     * @param mask  additive (rows, 1, tokens, cached + tokens)
     * @param cache keys and values of earlier tokens (appended to), or null
     */
    NDArray layers(NDArray h, NDArray[] rope, NDArray mask, Cache cache, TokenMap tokens, LayerHook hook) {
        for (int l = 0; l < c.layers(); l++) {
            h = layer(l, h, rope, mask, cache);
            h = hook.apply(new LayerSite(STACK, l), h, tokens);
        }
        return h;
    }

    /** One decoder layer on (rows, tokens, hidden) new tokens. */
    NDArray layer(int l, NDArray h, NDArray[] rope, NDArray mask, Cache cache) {
        String p = "model.layers." + l + ".";
        NDArray a = Ops.rmsNorm(h, w.get(p + "input_layernorm.weight"), (float) c.rmsEps());
        h = h.add(attention(a, l, p, rope, mask, cache));
        NDArray b = Ops.rmsNorm(h, w.get(p + "post_attention_layernorm.weight"), (float) c.rmsEps());
        NDArray g = Ops.act(c.act(), Ops.linear(b, w.get(p + "mlp.gate_proj.weight"), null));
        NDArray u = Ops.linear(b, w.get(p + "mlp.up_proj.weight"), null);
        return h.add(Ops.linear(g.mul(u), w.get(p + "mlp.down_proj.weight"), null));
    }

    /** The final RMSNorm. */
    NDArray norm(NDArray h) {
        return Ops.rmsNorm(h, w.get("model.norm.weight"), (float) c.rmsEps());
    }

    /** Next-token logits from normed hidden states. */
    NDArray logits(NDArray normed) {
        return Ops.linear(normed, w.get("lm_head.weight"), null);
    }

    private NDArray attention(NDArray a, int layer, String p, NDArray[] rope, NDArray mask, Cache cache) {
        Shape s = a.getShape();
        long rows = s.get(0), t = s.get(1);
        int heads = c.heads(), kvh = c.kvHeads(), hd = c.headDim(), rep = heads / kvh;
        NDArray q = Ops.linear(a, w.get(p + "self_attn.q_proj.weight"), w.get(p + "self_attn.q_proj.bias")).reshape(rows, t, heads, hd).transpose(0, 2, 1, 3);
        NDArray k = Ops.linear(a, w.get(p + "self_attn.k_proj.weight"), w.get(p + "self_attn.k_proj.bias")).reshape(rows, t, kvh, hd).transpose(0, 2, 1, 3);
        NDArray v = Ops.linear(a, w.get(p + "self_attn.v_proj.weight"), w.get(p + "self_attn.v_proj.bias")).reshape(rows, t, kvh, hd).transpose(0, 2, 1, 3);
        q = Ops.rotary(q, rope[0], rope[1]);
        k = Ops.rotary(k, rope[0], rope[1]);
        if (cache != null) {
            if (cache.keys[layer] != null) {
                NDArray pk = cache.keys[layer], pv = cache.values[layer];
                k = NDArrays.concat(new NDList(pk, k), 2);
                v = NDArrays.concat(new NDList(pv, v), 2);
                pk.close(); // the longer copy replaces it
                pv.close();
            }
            cache.keys[layer] = k;
            cache.values[layer] = v;
        }
        long sk = k.getShape().get(2);
        // Grouped-query attention without copying keys: the query heads that share a key-value
        // head (h = kv * rep + r) are stacked along the token axis of that head.
        NDArray qg = q.reshape(rows, kvh, rep * t, hd);
        NDArray scores = Scalar.mul(qg.matMul(k.transpose(0, 1, 3, 2)), (float) Math.pow(hd, -0.5)).reshape(rows, kvh, rep, t, sk);
        scores = scores.add(mask.expandDims(1));
        NDArray o = scores.softmax(-1).reshape(rows, kvh, rep * t, sk).matMul(v)
                .reshape(rows, heads, t, hd).transpose(0, 2, 1, 3).reshape(rows, t, (long) heads * hd);
        return Ops.linear(o, w.get(p + "self_attn.o_proj.weight"), null);
    }
}
