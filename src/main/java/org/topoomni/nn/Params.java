package org.topoomni.nn;

import ai.djl.ndarray.NDArray;

import java.util.SplittableRandom;

/**
 * Named parameters as the blocks of this package read and create them: a backbone keeps its
 * own (e.g. {@code model.Weights}) and hands them to {@link Blocks} by name, so the same block
 * code builds and runs every architecture and the names stay the backbone's.
 */
public interface Params {

    /** The parameter of that name; an error if there is none. */
    NDArray get(String name);

    /** A new parameter drawn from N(0, std^2), seeded. */
    NDArray normal(String name, double std, SplittableRandom rng, long... shape);

    /** A new parameter with every value {@code value}. */
    NDArray constant(String name, float value, long... shape);
}
