package org.topoomni.model;

import ai.djl.ndarray.NDArray;

/** What a forward pass gives: next-token logits and, for inputs with answers, the task loss. */
public interface Output {

    /** Next-token logits, (batch, positions, vocabulary). */
    NDArray logits();

    /**
     * Mean cross-entropy of the answer tokens of the inputs that carry one (the whole text for
     * plain texts), differentiable; an error when no input has a token to learn.
     */
    NDArray answerLoss();
}
