package org.topoomni.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * Functional building blocks of the networks on NDArrays, shared by every backbone package:
 * weights are passed in, never owned, so a backbone keeps its parameters in its own
 * {@link org.topoomni.model.Weights} and composes its layers from these. DJL only.
 *
 * <p>Conventions: a linear weight is (in, out), so y = x W + b (as an ONNX MatMul and unlike
 * PyTorch's Linear); activations are (batch, tokens, width) unless said otherwise.
 */
public final class Nn {
    /** TinyOmni's and the project's LayerNorm epsilon; RMSNorm's. */
    public static final float LAYER_NORM_EPS = 1e-5f, RMS_NORM_EPS = 1e-6f;

    private Nn() {}

    /** x W + b over the last axis; W is (in, out); b may be null. */
    public static NDArray linear(NDArray x, NDArray w, NDArray b) {
        NDArray y = x.matMul(w);
        return b == null ? y : y.add(b);
    }

    /** LayerNorm over the last axis with epsilon {@value #LAYER_NORM_EPS}. */
    public static NDArray layerNorm(NDArray x, NDArray gain, NDArray bias) {
        return layerNorm(x, gain, bias, LAYER_NORM_EPS);
    }

    /** LayerNorm over the last axis: (x - mean) / sqrt(mean((x - mean)^2) + eps) * gain + bias. */
    public static NDArray layerNorm(NDArray x, NDArray gain, NDArray bias, float eps) {
        NDArray mean = x.mean(new int[] {-1}, true);
        NDArray c = x.sub(mean);
        NDArray var = c.square().mean(new int[] {-1}, true);
        return c.div(var.add(eps).sqrt()).mul(gain).add(bias);
    }

    /** RMSNorm over the last axis with epsilon {@value #RMS_NORM_EPS}: x / sqrt(mean(x^2) + eps) * gain. */
    public static NDArray rmsNorm(NDArray x, NDArray gain) {
        NDArray ms = x.square().mean(new int[] {-1}, true);
        return x.div(ms.add(RMS_NORM_EPS).sqrt()).mul(gain);
    }

    /** GELU (the engine's, exact erf form). */
    public static NDArray gelu(NDArray x) {
        return Activation.gelu(x);
    }

    /** SwiGLU MLP without biases: (silu(x Wg) * x Wu) Wd. */
    public static NDArray swiglu(NDArray x, NDArray wg, NDArray wu, NDArray wd) {
        NDArray g = x.matMul(wg);
        return g.mul(Activation.sigmoid(g)).mul(x.matMul(wu)).matMul(wd);
    }

    /** GELU MLP: gelu(x W1 + b1) W2 + b2. */
    public static NDArray mlp(NDArray x, NDArray w1, NDArray b1, NDArray w2, NDArray b2) {
        return linear(gelu(linear(x, w1, b1)), w2, b2);
    }

    /**
     * Multi-head attention with scores scaled by 1 / sqrt(head size).
     *
     * @param x    (B, S, D)
     * @param mask additive mask broadcastable to (B, H, S, S), or null
     * @param rope (cos, sin) each (S, head) for rotary positions ({@link #ropeTables}), or null
     */
    public static NDArray attention(NDArray x, NDArray wq, NDArray bq, NDArray wk, NDArray bk, NDArray wv, NDArray bv,
                                    NDArray wo, NDArray bo, int heads, NDArray mask, NDArray[] rope) {
        long hd = x.getShape().get(2) / heads;
        return attention(x, wq, bq, wk, bk, wv, bv, wo, bo, heads, mask, rope, (float) (1.0 / Math.sqrt(hd)));
    }

    /** Multi-head attention as {@link #attention(NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, int, NDArray, NDArray[])}, scores multiplied by {@code scale}. */
    public static NDArray attention(NDArray x, NDArray wq, NDArray bq, NDArray wk, NDArray bk, NDArray wv, NDArray bv,
                                    NDArray wo, NDArray bo, int heads, NDArray mask, NDArray[] rope, float scale) {
        long b = x.getShape().get(0), s = x.getShape().get(1), d = x.getShape().get(2);
        long hd = d / heads;
        NDArray q = linear(x, wq, bq).reshape(b, s, heads, hd).transpose(0, 2, 1, 3);
        NDArray k = linear(x, wk, bk).reshape(b, s, heads, hd).transpose(0, 2, 1, 3);
        NDArray v = linear(x, wv, bv).reshape(b, s, heads, hd).transpose(0, 2, 1, 3);
        if (rope != null) {
            q = rotate(q, rope[0], rope[1]);
            k = rotate(k, rope[0], rope[1]);
        }
        NDArray scores = Scalar.mul(q.matMul(k.transpose(0, 1, 3, 2)), scale);
        if (mask != null) scores = scores.add(mask);
        NDArray att = scores.softmax(-1);
        NDArray out = att.matMul(v).transpose(0, 2, 1, 3).reshape(b, s, d);
        return linear(out, wo, bo);
    }

    /** Rotary position embedding, rotate-half form (as in Qwen/LLaMA); cos and sin broadcast over the leading axes. */
    public static NDArray rotate(NDArray x, NDArray cos, NDArray sin) {
        int last = x.getShape().dimension() - 1;
        NDList halves = x.split(2, last);
        NDArray rotated = NDArrays.concat(new NDList(halves.get(1).neg(), halves.get(0)), last);
        return x.mul(cos).add(rotated.mul(sin));
    }

    /** Rotary tables (cos, sin), each (positions, head), rotate-half layout, frequencies theta^(-2i/head). */
    public static NDArray[] ropeTables(NDManager m, int positions, int head, double theta) {
        float[] cos = new float[positions * head], sin = new float[positions * head];
        int half = head / 2;
        for (int pos = 0; pos < positions; pos++) {
            for (int i = 0; i < head; i++) {
                double freq = Math.pow(theta, -2.0 * (i % half) / head);
                cos[pos * head + i] = (float) Math.cos(pos * freq);
                sin[pos * head + i] = (float) Math.sin(pos * freq);
            }
        }
        return new NDArray[] {m.create(cos, new Shape(positions, head)), m.create(sin, new Shape(positions, head))};
    }

    /** Sinusoidal positions (positions x width, row-major): sin and cos interleaved, frequencies 10000^(-2i/width). */
    public static float[] sinusoid(int positions, int width) {
        float[] out = new float[positions * width];
        for (int pos = 0; pos < positions; pos++) {
            for (int i = 0; i < width / 2; i++) {
                double f = Math.pow(10000, -2.0 * i / width);
                out[pos * width + 2 * i] = (float) Math.sin(pos * f);
                out[pos * width + 2 * i + 1] = (float) Math.cos(pos * f);
            }
        }
        return out;
    }

    /**
     * Hands an array computed from a parameter to the step's manager: DJL puts the result of an
     * op on a parameter into the parameter's manager, where it would live (and hold native
     * memory) as long as the model; attached to {@code m} it is freed with the step.
     */
    public static NDArray own(NDArray x, NDManager m) {
        x.attach(m);
        return x;
    }

    /** 0, 1, ..., n - 1. */
    public static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    /** The ints as longs (index arrays). */
    public static long[] toLong(int[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i];
        return out;
    }
}
