package io.lenscast.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** LayerNorm over the last axis with weight and bias (CLIP's layer norms). */
public record LayerNorm(NDArray weight, NDArray bias, float eps) {
  /** {@code x} [..., D] -> [..., D]. */
  public NDArray apply(NDArray x) {
    Shape normalized = new Shape(weight.getShape().get(0));
    return x.getNDArrayInternal().layerNorm(x, normalized, weight, bias, eps).singletonOrThrow();
  }
}
