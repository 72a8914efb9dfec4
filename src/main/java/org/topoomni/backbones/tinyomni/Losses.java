package org.topoomni.backbones.tinyomni;

import org.topoomni.nn.Scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Task losses on a batch's logits. */
public final class Losses {
    private Losses() {}

    /** Mean cross-entropy of the learned tokens (answers, or whole texts for plain-text items). */
    public static NDArray answerCrossEntropy(NDArray logits, Batch batch) {
        float n = 0;
        for (float v : batch.lossMask) n += v;
        if (n == 0) throw new IllegalArgumentException("the batch has no tokens to learn");
        return Scalar.div(maskedLogLikelihood(logits, batch).sum().neg(), n);
    }

    /** log p(target) at every position, (size, length); positions without a target hold the log-probability of PAD and must be masked. */
    private static NDArray maskedLogLikelihood(NDArray logits, Batch batch) {
        var m = logits.getManager();
        NDArray logp = logits.logSoftmax(-1);
        long[] t = new long[batch.targets.length];
        for (int i = 0; i < t.length; i++) t[i] = batch.targets[i];
        NDArray targets = m.create(t, new Shape(batch.size, batch.length, 1));
        NDArray picked = logp.gather(targets, 2).reshape(batch.size, batch.length);
        NDArray mask = m.create(batch.lossMask, new Shape(batch.size, batch.length)).toType(logits.getDataType(), false);
        return picked.mul(mask);
    }
}
