package org.topoomni.loss;

import ai.djl.ndarray.NDArray;
import org.topoomni.sheet.Neighbourhoods;

/**
 * A loss that rewards spatial organisation of unit responses on the cortical sheet. Training
 * code adds {@code alpha * loss} to its task loss; the loss itself knows nothing about training.
 */
public interface TopographicLoss {

    /** Short name for logs and curves, e.g. "spatial". */
    String name();

    /**
     * @param responses sheet responses, samples x units (T x U), any float type, may require gradients
     * @param neighbourhoods the neighbourhoods sampled for this step
     * @return a scalar in the responses' manager and type
     */
    NDArray compute(NDArray responses, Neighbourhoods neighbourhoods);
}
