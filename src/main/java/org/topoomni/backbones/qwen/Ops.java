package org.topoomni.backbones.qwen;

import org.topoomni.nn.Scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;

/**
 * The tensor operations of the Qwen2.5-Omni Thinker, each the same libtorch kernel that
 * transformers calls (torch's linear, layer_norm, softmax, gelu), so that the results agree with
 * it to float32 rounding. Weights are passed in, in the checkpoint's layout ({@code (out, in)}).
 */
final class Ops {
    /** torch.finfo(float32).min, the additive mask transformers uses for excluded keys. */
    static final float MASKED = -Float.MAX_VALUE;

    private Ops() {}

    /** x W^T + b over the last axis, W as (out, in); b may be null. */
    static NDArray linear(NDArray x, NDArray w, NDArray b) {
        return (b == null ? Linear.linear(x, w) : Linear.linear(x, w, b)).singletonOrThrow();
    }

    /** Qwen2RMSNorm: x / sqrt(mean(x^2) + eps) * w, computed in float32. */
    static NDArray rmsNorm(NDArray x, NDArray w, float eps) {
        NDArray var = x.square().mean(new int[] {-1}, true);
        return x.mul(Scalar.pow(var.add(eps), -0.5)).mul(w);
    }

    /** torch.nn.LayerNorm over the last axis. */
    static NDArray layerNorm(NDArray x, NDArray w, NDArray b, float eps) {
        Shape last = new Shape(x.getShape().get(x.getShape().dimension() - 1));
        return LayerNorm.layerNorm(x, last, w, b, eps).singletonOrThrow();
    }

    /** The activation a config names (silu, gelu; exact erf GELU as torch's default). */
    static NDArray act(String name, NDArray x) {
        switch (name) {
            case "silu", "swish":
                return x.mul(Activation.sigmoid(x));
            case "gelu":
                return Activation.gelu(x);
            case "quick_gelu":
                return x.mul(Activation.sigmoid(Scalar.mul(x, 1.702)));
            default:
                throw new IllegalArgumentException("activation '" + name + "' is not supported (silu, gelu, quick_gelu)");
        }
    }

    /** [-x2, x1] over the last axis (the rotary embedding's rotate_half). */
    static NDArray rotateHalf(NDArray x) {
        int last = x.getShape().dimension() - 1;
        NDList halves = x.split(2, last);
        return NDArrays.concat(new NDList(halves.get(1).neg(), halves.get(0)), last);
    }

    /** x cos + rotate_half(x) sin. */
    static NDArray rotary(NDArray x, NDArray cos, NDArray sin) {
        return x.mul(cos).add(rotateHalf(x).mul(sin));
    }

    /**
     * Scaled dot-product attention, transformers' eager form: softmax(q k^T * scale + mask) v.
     *
     * @param q    (..., Sq, d)
     * @param k    (..., Sk, d)
     * @param v    (..., Sk, d)
     * @param mask additive, broadcastable to (..., Sq, Sk), or null
     */
    static NDArray attention(NDArray q, NDArray k, NDArray v, NDArray mask, float scale) {
        int nd = k.getShape().dimension();
        int[] axes = new int[nd];
        for (int i = 0; i < nd; i++) axes[i] = i;
        axes[nd - 1] = nd - 2;
        axes[nd - 2] = nd - 1;
        NDArray scores = Scalar.mul(q.matMul(k.transpose(axes)), scale);
        if (mask != null) scores = scores.add(mask);
        return scores.softmax(-1).matMul(v);
    }

    /** A float32 array from Java values, on the manager's device. */
    static NDArray floats(NDManager m, float[] v, long... shape) {
        return m.create(v, new Shape(shape));
    }

    static NDArray longs(NDManager m, long[] v) {
        return m.create(v);
    }

    /** cos and sin of angles computed in Java (float32 products, as torch forms them), on the engine. */
    static NDArray[] cosSin(NDManager m, float[] angles, long... shape) {
        NDArray a = m.create(angles, new Shape(shape));
        return new NDArray[] {a.cos(), a.sin()};
    }

    /** Values of a float32 array as a Java array (any device). */
    static float[] toFloats(NDArray x) {
        return x.toType(DataType.FLOAT32, false).toFloatArray();
    }
}
