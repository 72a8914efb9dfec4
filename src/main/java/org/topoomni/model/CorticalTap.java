package org.topoomni.model;

import ai.djl.ndarray.NDArray;

/**
 * Sees the cortical units Z of a layer (what the sheet shows) and may change them before they
 * are mapped back into the network: a sheet recorder reads Z, a perturbation adds to it.
 */
@FunctionalInterface
public interface CorticalTap {

    /**
     * @param z      (rows, tokens, width) cortical units of one layer
     * @return the units passed on (return {@code z} to leave them)
     */
    NDArray onZ(LayerSite site, NDArray z, TokenMap tokens);

    CorticalTap NONE = (site, z, tokens) -> z;

    default CorticalTap then(CorticalTap next) {
        return (site, z, tokens) -> next.onZ(site, onZ(site, z, tokens), tokens);
    }

    /** For a model without adaptors: the layer's output itself is what the sheet shows. */
    default LayerHook asHook() {
        return this::onZ;
    }
}
