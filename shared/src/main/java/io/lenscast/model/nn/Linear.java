package io.lenscast.model.nn;

import ai.djl.ndarray.NDArray;

/** A dense layer {@code x W^T + b} with a transformers-layout weight [out, in]; bias optional. */
public record Linear(NDArray weight, NDArray bias) {
  /** {@code x} [..., in] -> [..., out]; the result lives in x's manager. */
  public NDArray apply(NDArray x) {
    return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
  }

  public long outFeatures() {
    return weight.getShape().get(0);
  }
}
