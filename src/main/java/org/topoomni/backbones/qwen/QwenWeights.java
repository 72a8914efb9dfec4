package org.topoomni.backbones.qwen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.topoomni.model.CheckpointReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Thinker's parameters, float32, under the checkpoint's names without the {@code thinker.}
 * prefix ({@code visual.*}, {@code audio_tower.*}, {@code model.*}, {@code lm_head.weight}). A
 * whole-model checkpoint prefixes them with {@code thinker.}; a thinker saved alone does not; the
 * talker's and token2wav's tensors ({@code talker.*}, {@code token2wav.*}) are never read. Each
 * tensor's shape is checked against the config, and it is loaded one at a time from its
 * memory-mapped file ({@link CheckpointReader}). The parameters do not require gradients.
 */
final class QwenWeights implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> params = new LinkedHashMap<>();

    private QwenWeights(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    NDArray get(String name) {
        NDArray p = params.get(name);
        if (p == null) throw new IllegalArgumentException("no Qwen parameter named '" + name + "'");
        return p;
    }

    Map<String, NDArray> all() {
        return Collections.unmodifiableMap(params);
    }

    long count() {
        long n = 0;
        for (NDArray p : params.values()) n += p.size();
        return n;
    }

    static QwenWeights load(NDManager parent, Path checkpoint, QwenConfig c) throws IOException {
        CheckpointReader r = CheckpointReader.open(checkpoint);
        String prefix;
        if (r.has("thinker.model.embed_tokens.weight")) prefix = "thinker.";
        else if (r.has("model.embed_tokens.weight")) prefix = "";
        else throw new IOException(r.source() + " has no tensor 'thinker.model.embed_tokens.weight' (nor 'model.embed_tokens.weight'): not a Qwen2.5-Omni checkpoint");
        QwenWeights w = new QwenWeights(parent);
        try {
            w.fill((name, shape) -> r.load(w.manager, prefix + name, shape), c, r.has(prefix + "lm_head.weight"));
            if (!w.params.containsKey("lm_head.weight")) {
                if (!c.text().tieEmbeddings()) {
                    throw new IOException(r.source() + " has no tensor '" + prefix + "lm_head.weight' and the config does not tie it to the embeddings");
                }
                w.params.put("lm_head.weight", w.params.get("model.embed_tokens.weight"));
            }
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
        return w;
    }

    /**
     * Random parameters of a config (normal, standard deviation 0.02; norms 1, biases 0.02-normal
     * too), for benchmarks: real sizes without a checkpoint.
     */
    static QwenWeights random(NDManager parent, QwenConfig c, long seed) {
        QwenWeights w = new QwenWeights(parent);
        ai.djl.engine.Engine.getInstance().setRandomSeed((int) seed);
        try {
            w.fill((name, shape) -> name.endsWith("norm.weight") || name.endsWith("norm1.weight") || name.endsWith("norm2.weight") || name.endsWith("ln_q.weight")
                    ? w.manager.ones(new ai.djl.ndarray.types.Shape(shape))
                    : w.manager.randomNormal(0f, 0.02f, new ai.djl.ndarray.types.Shape(shape), ai.djl.ndarray.types.DataType.FLOAT32), c, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (!w.params.containsKey("lm_head.weight")) w.params.put("lm_head.weight", w.params.get("model.embed_tokens.weight"));
        return w;
    }

    /** Where parameters come from: a name and the shape the config needs. */
    private interface Source {
        NDArray get(String name, long[] shape) throws IOException;
    }

    private void fill(Source r, QwenConfig c, boolean lmHead) throws IOException {
        String prefix = "";
        QwenConfig.Vision v = c.vision();
        long d = v.hidden(), i = v.intermediate();
        put(r, prefix, "visual.patch_embed.proj.weight", d, v.inChannels(), v.temporalPatch(), v.patch(), v.patch());
        for (int l = 0; l < v.depth(); l++) {
            String s = "visual.blocks." + l + ".";
            put(r, prefix, s + "norm1.weight", d);
            put(r, prefix, s + "norm2.weight", d);
            for (String x : new String[] {"q", "k", "v", "proj"}) {
                put(r, prefix, s + "attn." + x + ".weight", d, d);
                put(r, prefix, s + "attn." + x + ".bias", d);
            }
            for (String x : new String[] {"gate_proj", "up_proj"}) {
                put(r, prefix, s + "mlp." + x + ".weight", i, d);
                put(r, prefix, s + "mlp." + x + ".bias", i);
            }
            put(r, prefix, s + "mlp.down_proj.weight", d, i);
            put(r, prefix, s + "mlp.down_proj.bias", d);
        }
        long merged = d * v.merge() * v.merge();
        put(r, prefix, "visual.merger.ln_q.weight", d);
        put(r, prefix, "visual.merger.mlp.0.weight", merged, merged);
        put(r, prefix, "visual.merger.mlp.0.bias", merged);
        put(r, prefix, "visual.merger.mlp.2.weight", v.outHidden(), merged);
        put(r, prefix, "visual.merger.mlp.2.bias", v.outHidden());

        QwenConfig.Audio a = c.audio();
        long da = a.dModel();
        put(r, prefix, "audio_tower.conv1.weight", da, a.melBins(), 3);
        put(r, prefix, "audio_tower.conv1.bias", da);
        put(r, prefix, "audio_tower.conv2.weight", da, da, 3);
        put(r, prefix, "audio_tower.conv2.bias", da);
        for (int l = 0; l < a.layers(); l++) {
            String s = "audio_tower.layers." + l + ".";
            for (String x : new String[] {"q_proj", "k_proj", "v_proj", "out_proj"}) {
                put(r, prefix, s + "self_attn." + x + ".weight", da, da);
                if (!x.equals("k_proj")) put(r, prefix, s + "self_attn." + x + ".bias", da);
            }
            for (String x : new String[] {"self_attn_layer_norm", "final_layer_norm"}) {
                put(r, prefix, s + x + ".weight", da);
                put(r, prefix, s + x + ".bias", da);
            }
            put(r, prefix, s + "fc1.weight", a.ffn(), da);
            put(r, prefix, s + "fc1.bias", a.ffn());
            put(r, prefix, s + "fc2.weight", da, a.ffn());
            put(r, prefix, s + "fc2.bias", da);
        }
        put(r, prefix, "audio_tower.ln_post.weight", da);
        put(r, prefix, "audio_tower.ln_post.bias", da);
        put(r, prefix, "audio_tower.proj.weight", a.outputDim(), da);
        put(r, prefix, "audio_tower.proj.bias", a.outputDim());

        QwenConfig.Text t = c.text();
        long h = t.hidden(), q = (long) t.heads() * t.headDim(), kv = (long) t.kvHeads() * t.headDim();
        put(r, prefix, "model.embed_tokens.weight", t.vocab(), h);
        for (int l = 0; l < t.layers(); l++) {
            String s = "model.layers." + l + ".";
            put(r, prefix, s + "input_layernorm.weight", h);
            put(r, prefix, s + "post_attention_layernorm.weight", h);
            put(r, prefix, s + "self_attn.q_proj.weight", q, h);
            put(r, prefix, s + "self_attn.q_proj.bias", q);
            put(r, prefix, s + "self_attn.k_proj.weight", kv, h);
            put(r, prefix, s + "self_attn.k_proj.bias", kv);
            put(r, prefix, s + "self_attn.v_proj.weight", kv, h);
            put(r, prefix, s + "self_attn.v_proj.bias", kv);
            put(r, prefix, s + "self_attn.o_proj.weight", h, q);
            put(r, prefix, s + "mlp.gate_proj.weight", t.intermediate(), h);
            put(r, prefix, s + "mlp.up_proj.weight", t.intermediate(), h);
            put(r, prefix, s + "mlp.down_proj.weight", h, t.intermediate());
        }
        put(r, prefix, "model.norm.weight", h);
        if (lmHead) put(r, prefix, "lm_head.weight", t.vocab(), h);
    }

    private void put(Source r, String prefix, String name, long... shape) throws IOException {
        NDArray x = r.get(name, shape);
        x.setRequiresGradient(false);
        params.put(name, x);
    }

    @Override
    public void close() {
        manager.close();
    }
}
