package org.topoomni.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;

import java.util.SplittableRandom;

/**
 * Transformer blocks and the audio front end, built from {@link Nn} over named {@link Params}.
 * Each block has an {@code init} that creates its parameters (in a fixed order, so a seed gives
 * the same network) and a forward function; a backbone loops over its layers, calling its hook
 * after each block.
 * <ul>
 * <li>encoder block (vision and audio encoders): pre-LayerNorm, bidirectional attention with
 * q/k/v/o biases, GELU MLP with biases;</li>
 * <li>decoder block (language models): pre-RMSNorm, causal attention with q/k/v biases and
 * rotary positions, SwiGLU MLP without biases;</li>
 * <li>audio front end (Whisper / Qwen2-Audio style): log-mel frames through two 1-D
 * convolutions of kernel 3 (the second with stride 2), GELU, plus sinusoidal positions.</li>
 * </ul>
 */
public final class Blocks {
    /** Standard deviation of the initial weights (residual outputs get std / sqrt(2 layers)). */
    public static final double INIT_STD = 0.02;

    private Blocks() {}

    /** The parameters of {@code layers} encoder blocks named {@code stack.<l>.*}. */
    public static void initEncoder(Params w, String stack, int layers, int dim, int mlp, SplittableRandom rng) {
        double std = INIT_STD, outStd = std / Math.sqrt(2.0 * layers);
        for (int l = 0; l < layers; l++) {
            String s = stack + "." + l + ".";
            w.constant(s + "norm1.g", 1f, dim);
            w.constant(s + "norm1.b", 0f, dim);
            for (String x : new String[] {"q", "k", "v"}) {
                w.normal(s + "attn.w" + x, std, rng, dim, dim);
                w.constant(s + "attn.b" + x, 0f, dim);
            }
            w.normal(s + "attn.wo", outStd, rng, dim, dim);
            w.constant(s + "attn.bo", 0f, dim);
            w.constant(s + "norm2.g", 1f, dim);
            w.constant(s + "norm2.b", 0f, dim);
            w.normal(s + "mlp.w1", std, rng, dim, mlp);
            w.constant(s + "mlp.b1", 0f, mlp);
            w.normal(s + "mlp.w2", outStd, rng, mlp, dim);
            w.constant(s + "mlp.b2", 0f, dim);
        }
    }

    /** One encoder block ({@code prefix} = "stack.l."): h + attn(LN(h)), then + MLP(LN(.)). */
    public static NDArray encoderBlock(Params w, String prefix, NDArray h, int heads) {
        String s = prefix;
        NDArray a = Nn.layerNorm(h, w.get(s + "norm1.g"), w.get(s + "norm1.b"));
        h = h.add(Nn.attention(a, w.get(s + "attn.wq"), w.get(s + "attn.bq"), w.get(s + "attn.wk"), w.get(s + "attn.bk"),
                w.get(s + "attn.wv"), w.get(s + "attn.bv"), w.get(s + "attn.wo"), w.get(s + "attn.bo"), heads, null, null));
        NDArray b = Nn.layerNorm(h, w.get(s + "norm2.g"), w.get(s + "norm2.b"));
        return h.add(Nn.mlp(b, w.get(s + "mlp.w1"), w.get(s + "mlp.b1"), w.get(s + "mlp.w2"), w.get(s + "mlp.b2")));
    }

    /** The parameters of one decoder block named {@code prefix*} ("language.l."); {@code layers} sets the residual outputs' scale. */
    public static void initDecoderBlock(Params w, String prefix, int dim, int mlp, int layers, SplittableRandom rng) {
        double std = INIT_STD, outStd = std / Math.sqrt(2.0 * layers);
        String s = prefix;
        w.constant(s + "norm1.g", 1f, dim);
        for (String x : new String[] {"q", "k", "v"}) {
            w.normal(s + "attn.w" + x, std, rng, dim, dim);
            w.constant(s + "attn.b" + x, 0f, dim);
        }
        w.normal(s + "attn.wo", outStd, rng, dim, dim);
        w.constant(s + "norm2.g", 1f, dim);
        w.normal(s + "mlp.wg", std, rng, dim, mlp);
        w.normal(s + "mlp.wu", std, rng, dim, mlp);
        w.normal(s + "mlp.wd", outStd, rng, mlp, dim);
    }

    /** One decoder block: h + attn(RMS(h)) with the additive {@code mask} and rotary tables, then + SwiGLU(RMS(.)). */
    public static NDArray decoderBlock(Params w, String prefix, NDArray h, int heads, NDArray mask, NDArray[] rope) {
        String s = prefix;
        NDArray a = Nn.rmsNorm(h, w.get(s + "norm1.g"));
        h = h.add(Nn.attention(a, w.get(s + "attn.wq"), w.get(s + "attn.bq"), w.get(s + "attn.wk"), w.get(s + "attn.bk"),
                w.get(s + "attn.wv"), w.get(s + "attn.bv"), w.get(s + "attn.wo"), null, heads, mask, rope));
        NDArray c = Nn.rmsNorm(h, w.get(s + "norm2.g"));
        return h.add(Nn.swiglu(c, w.get(s + "mlp.wg"), w.get(s + "mlp.wu"), w.get(s + "mlp.wd")));
    }

    /** The two convolutions of the audio front end, {@code prefix.conv1.*} and {@code prefix.conv2.*}. */
    public static void initAudioFrontEnd(Params w, String prefix, int melBands, int dim, SplittableRandom rng) {
        double std = INIT_STD;
        w.normal(prefix + ".conv1.w", std, rng, dim, melBands, 3);
        w.constant(prefix + ".conv1.b", 0f, dim);
        w.normal(prefix + ".conv2.w", std, rng, dim, dim, 3);
        w.constant(prefix + ".conv2.b", 0f, dim);
    }

    /**
     * Log-mel frames (sounds, frames, bands) to (sounds, frames / 2, dim): GELU(conv1), GELU(conv2
     * with stride 2), plus sinusoidal positions.
     */
    public static NDArray audioFrontEnd(NDManager m, Params w, String prefix, NDArray mels) {
        NDArray x = mels.transpose(0, 2, 1); // (n, mels, frames)
        x = Nn.gelu(Conv1d.conv1d(x, w.get(prefix + ".conv1.w"), w.get(prefix + ".conv1.b"), new Shape(1), new Shape(1)).singletonOrThrow());
        x = Nn.gelu(Conv1d.conv1d(x, w.get(prefix + ".conv2.w"), w.get(prefix + ".conv2.b"), new Shape(2), new Shape(1)).singletonOrThrow());
        NDArray h = x.transpose(0, 2, 1); // (n, frames/2, dim)
        int t = (int) h.getShape().get(1), d = (int) h.getShape().get(2);
        return h.add(m.create(Nn.sinusoid(t, d), new Shape(t, d)));
    }
}
