package io.lenscast.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Constant operands whose memory libtorch owns. DJL builds a tensor from Java values (an array,
 * or the scalar it makes for every {@code op(Number)}) over a direct ByteBuffer without copying,
 * and once that NDArray is closed the buffer is the garbage collector's to free. Autograd,
 * though, may have saved the tensor for the backward pass (the divisor of a division, the other
 * factor of a product), and a backward after a GC then reads freed memory: a NaN or a wrong
 * gradient, now and then (integrated gradients). Every constant operand of an op that can carry
 * gradients is made here instead: a copy that lives as long as anything refers to it.
 */
public final class OwnedConstants {
  private OwnedConstants() {}

  /** A float64 scalar (the type DJL gives a {@code double} operand), as a 0-dim tensor. */
  public static NDArray scalar(NDManager manager, double value) {
    try (NDArray wrapped = manager.create(value)) {
      return wrapped.duplicate();
    }
  }

  /** {@code values} of {@code shape} (float32). */
  public static NDArray of(NDManager manager, float[] values, Shape shape) {
    try (NDArray wrapped = manager.create(values, shape)) {
      return wrapped.duplicate();
    }
  }
}
