package org.topoomni.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.function.BinaryOperator;

/**
 * Arithmetic of an array with a constant that stays right under autograd. Use these instead of
 * DJL's {@code NDArray.mul(Number)}, {@code div(Number)}, {@code pow(Number)},
 * {@code maximum(Number)} and {@code minimum(Number)} (a test checks that no main class calls
 * those).
 *
 * <p>Why: DJL's PyTorch engine makes the constant a tensor over a Java direct buffer (zero-copy,
 * {@code torch::from_blob}) and closes it right after the operation. libtorch's backward node
 * keeps that tensor, because the gradient needs the constant (d(x c)/dx = c), but not the
 * buffer: once the garbage collector has freed the buffer, the backward reads freed memory, and
 * glibc writes its free-list pointers there at once. So whenever a collection fell between a
 * forward pass and its backward, that step's gradient was scaled by pointer bits: wrong, and
 * different from run to run with the same seed. Here the constant is made by libtorch itself
 * ({@code torch::full}), in memory it owns and counts references to, so the backward node keeps
 * it alive for as long as it needs it.
 */
public final class Scalar {
    private Scalar() {}

    /** x * c. */
    public static NDArray mul(NDArray x, double c) {
        return with(x, c, NDArray::mul);
    }

    /** x / c. */
    public static NDArray div(NDArray x, double c) {
        return with(x, c, NDArray::div);
    }

    /** x ^ c, elementwise. */
    public static NDArray pow(NDArray x, double c) {
        return with(x, c, NDArray::pow);
    }

    /** max(x, c), elementwise. */
    public static NDArray maximum(NDArray x, double c) {
        return with(x, c, NDArray::maximum);
    }

    /** min(x, c), elementwise. */
    public static NDArray minimum(NDArray x, double c) {
        return with(x, c, NDArray::minimum);
    }

    /** op(x, constant), the constant's wrapper released afterwards (the operation keeps its own reference). */
    private static NDArray with(NDArray x, double c, BinaryOperator<NDArray> op) {
        try (NDArray s = of(x, c)) {
            return op.apply(x, s);
        }
    }

    /**
     * The constant as a 0-d array of x's type on x's device, in libtorch's memory. Closing the
     * returned wrapper releases only this reference; an operation that saved it keeps its own.
     */
    static NDArray of(NDArray x, double c) {
        NDManager m = x.getManager();
        if (x.getDataType() == DataType.FLOAT64) {
            try (NDArray boxed = m.create(c)) {
                return boxed.duplicate(); // a copy in libtorch's memory, exact in double precision
            }
        }
        return m.full(new Shape(), (float) c, x.getDataType());
    }
}
