package org.topoomni.model;

import ai.djl.ndarray.NDArray;

/**
 * Reads and may replace a layer's output during a forward pass. Cortical adaptors
 * (Z = X W, X_hat = Z pinv(W)), sheet recorders and perturbations are hooks.
 */
@FunctionalInterface
public interface LayerHook {

    /**
     * @param site   which layer of which stack
     * @param output the layer's output, (rows, tokens, width)
     * @param tokens which rows belong to which batch items and which tokens are real
     * @return the output passed on to the next layer (return {@code output} to leave it)
     */
    NDArray apply(LayerSite site, NDArray output, TokenMap tokens);

    /** Leaves every layer as it is. */
    LayerHook NONE = (site, output, tokens) -> output;

    /** This hook, then another on its result. */
    default LayerHook then(LayerHook next) {
        return (site, output, tokens) -> next.apply(site, apply(site, output, tokens), tokens);
    }
}
