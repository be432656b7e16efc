package io.lenscast.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.lenscast.model.nn.Linear;

/** CLIP's unmasked multi-head self-attention: q scaled by {@code hd^-0.5}, softmax in float32. */
public record ClipAttention(Linear q, Linear k, Linear v, Linear out, int heads, int headDim) {
  /** {@code x} [B, N, Dv] -> [B, N, Dv]. */
  public NDArray forward(NDArray x) {
    long b = x.getShape().get(0);
    long n = x.getShape().get(1);
    NDArray qs = q.apply(x).mul(Math.pow(headDim, -0.5))
        .reshape(b, n, heads, headDim).transpose(0, 2, 1, 3); // [B, H, N, hd]
    NDArray ks = k.apply(x).reshape(b, n, heads, headDim).transpose(0, 2, 1, 3); // [B, H, N, hd]
    NDArray vs = v.apply(x).reshape(b, n, heads, headDim).transpose(0, 2, 1, 3); // [B, H, N, hd]
    NDArray scores = qs.matMul(ks.transpose(0, 1, 3, 2)); // [B, H, N, N]
    NDArray weights = scores.toType(DataType.FLOAT32, false).softmax(-1)
        .toType(x.getDataType(), false); // [B, H, N, N]
    NDArray attended = weights.matMul(vs).transpose(0, 2, 1, 3)
        .reshape(b, n, (long) heads * headDim); // [B, N, Dv]
    return out.apply(attended); // [B, N, Dv]
  }
}
