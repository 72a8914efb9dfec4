package org.topoomni.backbones.tinyomni;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.nn.Activation;

/** Functional building blocks of transformers on NDArrays (weights are passed in, not owned). */
final class Nn {
    private Nn() {}

    /** x W + b over the last axis; W is (in, out). */
    static NDArray linear(NDArray x, NDArray w, NDArray b) {
        NDArray y = x.matMul(w);
        return b == null ? y : y.add(b);
    }

    static NDArray layerNorm(NDArray x, NDArray gain, NDArray bias) {
        NDArray mean = x.mean(new int[] {-1}, true);
        NDArray c = x.sub(mean);
        NDArray var = c.square().mean(new int[] {-1}, true);
        return c.div(var.add(1e-5f).sqrt()).mul(gain).add(bias);
    }

    static NDArray rmsNorm(NDArray x, NDArray gain) {
        NDArray ms = x.square().mean(new int[] {-1}, true);
        return x.div(ms.add(1e-6f).sqrt()).mul(gain);
    }

    static NDArray gelu(NDArray x) {
        return Activation.gelu(x);
    }

    /** SwiGLU MLP: (silu(x Wg) * x Wu) Wd. */
    static NDArray swiglu(NDArray x, NDArray wg, NDArray wu, NDArray wd) {
        NDArray g = x.matMul(wg);
        return g.mul(Activation.sigmoid(g)).mul(x.matMul(wu)).matMul(wd);
    }

    /** GELU MLP: gelu(x W1 + b1) W2 + b2. */
    static NDArray mlp(NDArray x, NDArray w1, NDArray b1, NDArray w2, NDArray b2) {
        return linear(gelu(linear(x, w1, b1)), w2, b2);
    }

    /**
     * Multi-head attention.
     *
     * @param x    (B, S, D)
     * @param mask additive mask broadcastable to (B, H, S, S), or null
     * @param rope (cos, sin) each (S, head) for rotary positions, or null
     */
    static NDArray attention(NDArray x, NDArray wq, NDArray bq, NDArray wk, NDArray bk, NDArray wv, NDArray bv,
                             NDArray wo, NDArray bo, int heads, NDArray mask, NDArray[] rope) {
        long b = x.getShape().get(0), s = x.getShape().get(1), d = x.getShape().get(2);
        long hd = d / heads;
        NDArray q = linear(x, wq, bq).reshape(b, s, heads, hd).transpose(0, 2, 1, 3);
        NDArray k = linear(x, wk, bk).reshape(b, s, heads, hd).transpose(0, 2, 1, 3);
        NDArray v = linear(x, wv, bv).reshape(b, s, heads, hd).transpose(0, 2, 1, 3);
        if (rope != null) {
            q = rotate(q, rope[0], rope[1]);
            k = rotate(k, rope[0], rope[1]);
        }
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul((float) (1.0 / Math.sqrt(hd)));
        if (mask != null) scores = scores.add(mask);
        NDArray att = scores.softmax(-1);
        NDArray out = att.matMul(v).transpose(0, 2, 1, 3).reshape(b, s, d);
        return linear(out, wo, bo);
    }

    /** Rotary position embedding, rotate-half form (as in Qwen/LLaMA). */
    static NDArray rotate(NDArray x, NDArray cos, NDArray sin) {
        int last = x.getShape().dimension() - 1;
        NDList halves = x.split(2, last);
        NDArray rotated = NDArrays.concat(new NDList(halves.get(1).neg(), halves.get(0)), last);
        return x.mul(cos).add(rotated.mul(sin));
    }
}
