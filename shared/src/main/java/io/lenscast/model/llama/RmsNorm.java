package io.lenscast.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Llama's RMSNorm exactly as transformers computes it: in float32
 * {@code x * rsqrt(mean(x^2) + eps)}, cast back to the input dtype, then times the weight.
 */
public final class RmsNorm {
  private final NDArray weight; // [D]
  private final float eps;

  public RmsNorm(NDArray weight, double eps) {
    this.weight = weight;
    this.eps = (float) eps;
  }

  /** Normalises the last axis of {@code x} [..., D]; the result lives in x's manager. */
  public NDArray apply(NDArray x) {
    DataType in = x.getDataType();
    NDArray x32 = in == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false); // [..., D]
    NDArray variance = x32.square().mean(new int[] {-1}, true); // [..., 1]
    NDArray normed = x32.div(variance.add(eps).sqrt()); // [..., D]
    if (in != DataType.FLOAT32) {
      normed = normed.toType(in, false);
    }
    return normed.mul(weight); // [..., D]
  }
}
