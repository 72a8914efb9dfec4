package org.topoomni.backbones.qwen;

import org.topoomni.nn.Scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import org.topoomni.model.LayerHook;
import org.topoomni.model.LayerSite;
import org.topoomni.model.TokenMap;

import java.util.ArrayList;
import java.util.List;

/**
 * The Thinker's audio encoder (transformers' {@code Qwen2_5OmniAudioEncoder}).
 *
 * <p>A clip's log-mel frames (only those its {@code feature_attention_mask} keeps) are cut into
 * chunks of {@code 2 * n_window} frames, each chunk zero-padded on the right and run through the
 * two convolutions on its own (k3 s1 p1, GELU, frames past the chunk's end zeroed; k3 s2 p1,
 * GELU), so a chunk of 2 n_window frames gives n_window positions. The fixed sinusoidal position
 * embedding restarts at 0 in every chunk. The pre-LayerNorm transformer layers (k without bias)
 * attend only within a chunk. After the last layer, pairs of positions are averaged (an odd last
 * one is dropped), then ln_post and the projection give the clip's {@code <|AUDIO|>} embeddings.
 *
 * <p>The hidden states are kept as {@code (clips, chunks * n_window, d_model)}: a clip's positions
 * in time order, chunk after chunk, which is the order transformers concatenates them in (every
 * chunk but the last is full). That is what the hook sees after every layer; {@code valid} marks
 * each clip's real positions.
 */
final class AudioEncoder {
    static final String STACK = "audio";

    /** One clip: mel-major features (mel bins x frames), only the frames the mask keeps. */
    record Clip(float[] features, int frames) {}

    private final QwenConfig.Audio c;
    private final QwenWeights w;
    private final float[] positions; // (n_window, d_model): [sin(t inv), cos(t inv)]

    AudioEncoder(NDManager m, QwenConfig.Audio c, QwenWeights w) {
        this.c = c;
        this.w = w;
        int half = c.dModel() / 2, t = c.nWindow();
        float[] inv;
        try (NDManager s = m.newSubManager()) {
            // exp(-ln(10000) / (half - 1) * i) in float32, as torch evaluates transformers' formula.
            inv = Scalar.mul(s.arange(0, half, 1, DataType.FLOAT32), (float) (-Math.log(10000) / (half - 1))).exp().toFloatArray();
            float[] angles = new float[t * half];
            for (int p = 0; p < t; p++) for (int j = 0; j < half; j++) angles[p * half + j] = (float) p * inv[j];
            NDArray a = s.create(angles, new Shape(t, half));
            positions = NDArrays.concat(new NDList(a.sin(), a.cos()), 1).toFloatArray();
        }
    }

    static int afterCnn(int frames) {
        return QwenConfig.Audio.afterCnn(frames);
    }

    static int tokens(int frames) {
        return QwenConfig.Audio.tokens(frames);
    }

    /**
     * Runs the encoder, calling the hook after every layer.
     *
     * @param items the batch item of each clip
     * @return per clip, its tokens (tokens, output_dim)
     */
    List<NDArray> forward(NDManager m, List<Clip> clips, int[] items, LayerHook hook) {
        int n = clips.size(), mel = c.melBins(), cf = 2 * c.nWindow(), nw = c.nWindow(), d = c.dModel();
        int chunks = 1;
        for (Clip clip : clips) {
            if (clip.frames() < 1) throw new IllegalArgumentException("an audio clip needs at least one mel frame");
            if (clip.features().length != mel * clip.frames()) {
                throw new IllegalArgumentException("audio clip has " + clip.features().length + " values; " + mel + " mel bins x " + clip.frames() + " frames need " + mel * clip.frames());
            }
            chunks = Math.max(chunks, (clip.frames() + cf - 1) / cf);
        }
        // (clips * chunks, mel, 2 n_window), each chunk zero-padded on the right.
        float[] x = new float[n * chunks * mel * cf];
        float[] frameMask = new float[n * chunks * cf];
        int maxT = 0;
        for (Clip clip : clips) maxT = Math.max(maxT, afterCnn(clip.frames()));
        for (int i = 0; i < n; i++) {
            Clip clip = clips.get(i);
            int len = clip.frames();
            for (int f = 0; f < len; f++) {
                int ch = f / cf, k = f % cf, b = i * chunks + ch;
                frameMask[b * cf + k] = 1f;
                for (int q = 0; q < mel; q++) x[(b * mel + q) * cf + k] = clip.features()[q * len + f];
            }
        }
        NDArray in = m.create(x, new Shape((long) n * chunks, mel, cf));
        NDArray mask = m.create(frameMask, new Shape((long) n * chunks, 1, cf));
        NDArray h = Conv1d.conv1d(in, w.get("audio_tower.conv1.weight"), w.get("audio_tower.conv1.bias"), new Shape(1), new Shape(1)).singletonOrThrow();
        h = Ops.act("gelu", h).mul(mask);
        h = Conv1d.conv1d(h, w.get("audio_tower.conv2.weight"), w.get("audio_tower.conv2.bias"), new Shape(2), new Shape(1)).singletonOrThrow();
        h = Ops.act("gelu", h).transpose(0, 2, 1); // (clips * chunks, n_window, d)
        h = h.add(m.create(positions, new Shape(nw, d))).reshape((long) n * chunks * nw, d);

        // Each clip's real positions, in time order, into (clips, longest clip, d); chunks of n_window positions attend within.
        long[] gather = new long[n * maxT];
        float[] valid = new float[n * maxT];
        java.util.Arrays.fill(gather, (long) n * chunks * nw);
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            lengths[i] = afterCnn(clips.get(i).frames());
            for (int p = 0; p < lengths[i]; p++) {
                gather[i * maxT + p] = (long) i * chunks * nw + p;
                valid[i * maxT + p] = 1f;
            }
        }
        h = NDArrays.concat(new NDList(h, m.zeros(new Shape(1, d))), 0).get(new NDIndex("{}", m.create(gather))).reshape(n, maxT, d);
        Segments chunked = chunks(m, lengths);
        TokenMap tokens = new TokenMap(items, valid, maxT);
        for (int l = 0; l < c.layers(); l++) {
            h = layer(l, h, chunked);
            h = hook.apply(new LayerSite(STACK, l), h, tokens);
        }
        long t = maxT;
        if (t % 2 == 1) {
            h = NDArrays.concat(new NDList(h, m.zeros(new Shape(n, 1, d))), 1);
            t++;
        }
        NDArray pooled = h.reshape(n, t / 2, 2, d).mean(new int[] {2});
        pooled = Ops.layerNorm(pooled, w.get("audio_tower.ln_post.weight"), w.get("audio_tower.ln_post.bias"), 1e-5f);
        NDArray out = Ops.linear(pooled, w.get("audio_tower.proj.weight"), w.get("audio_tower.proj.bias"));
        List<NDArray> result = new ArrayList<>();
        for (int i = 0; i < n; i++) result.add(out.get(i).get(new NDIndex("0:" + tokens(clips.get(i).frames()))));
        return result;
    }

    /** The attention chunks of clips of these many positions each, in the (clips, longest, d) layout. */
    Segments chunks(NDManager m, int[] positions) {
        int maxT = 0, nw = c.nWindow();
        for (int t : positions) maxT = Math.max(maxT, t);
        List<int[]> segs = new ArrayList<>();
        for (int i = 0; i < positions.length; i++)
            for (int c0 = 0; c0 < positions[i]; c0 += nw) {
                int[] seg = new int[Math.min(nw, positions[i] - c0)];
                for (int j = 0; j < seg.length; j++) seg[j] = i * maxT + c0 + j;
                segs.add(seg);
            }
        return Segments.of(m, segs, positions.length * maxT);
    }

    /** One encoder layer on (clips, positions, d_model) hidden states, attending within {@code chunked}. */
    NDArray layer(int l, NDArray h, Segments chunked) {
        String p = "audio_tower.layers." + l + ".";
        NDArray a = Ops.layerNorm(h, w.get(p + "self_attn_layer_norm.weight"), w.get(p + "self_attn_layer_norm.bias"), 1e-5f);
        h = h.add(attention(a, p, chunked));
        NDArray b = Ops.layerNorm(h, w.get(p + "final_layer_norm.weight"), w.get(p + "final_layer_norm.bias"), 1e-5f);
        NDArray f = Ops.act(c.act(), Ops.linear(b, w.get(p + "fc1.weight"), w.get(p + "fc1.bias")));
        return h.add(Ops.linear(f, w.get(p + "fc2.weight"), w.get(p + "fc2.bias")));
    }

    private NDArray attention(NDArray a, String p, Segments chunked) {
        Shape s = a.getShape();
        int heads = c.heads(), hd = c.headDim();
        long rows = s.get(0) * s.get(1);
        NDArray q = Ops.linear(a, w.get(p + "self_attn.q_proj.weight"), w.get(p + "self_attn.q_proj.bias")).reshape(rows, heads, hd);
        NDArray k = Ops.linear(a, w.get(p + "self_attn.k_proj.weight"), null).reshape(rows, heads, hd);
        NDArray v = Ops.linear(a, w.get(p + "self_attn.v_proj.weight"), w.get(p + "self_attn.v_proj.bias")).reshape(rows, heads, hd);
        NDArray o = chunked.attend(q, k, v, (float) Math.pow(hd, -0.5)).reshape(s);
        return Ops.linear(o, w.get(p + "self_attn.out_proj.weight"), w.get(p + "self_attn.out_proj.bias"));
    }
}
