package io.lenscast.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Rotary position embedding as transformers' Llama computes it (no scaling): inverse frequencies
 * {@code 1 / theta^(2i/d)} and angles in float32, {@code cos/sin} of {@code cat(freqs, freqs)},
 * applied with the half rotation {@code x cos + rotate_half(x) sin}.
 */
public final class Rope {
  private final int headDim;
  private final float theta;

  public Rope(int headDim, double theta) {
    this.headDim = headDim;
    this.theta = (float) theta;
  }

  /** The cos/sin tables of positions {@code start..start+length-1}, each [T, hd]. */
  public record Angles(NDArray cos, NDArray sin) {}

  /** Builds the tables in {@code manager} in {@code dtype}. */
  public Angles angles(NDManager manager, int start, int length, DataType dtype) {
    NDArray exponents = manager.arange(0, headDim, 2, DataType.INT64)
        .toType(DataType.FLOAT32, false).div(headDim); // [hd/2]
    NDArray powers = manager.full(exponents.getShape(), theta, DataType.FLOAT32)
        .pow(exponents); // [hd/2]
    NDArray invFreq = powers.onesLike().div(powers); // [hd/2]
    NDArray positions = manager.arange(start, start + length, 1, DataType.INT64)
        .toType(DataType.FLOAT32, false); // [T]
    NDArray freqs = positions.reshape(length, 1).mul(invFreq.reshape(1, headDim / 2)); // [T, hd/2]
    NDArray emb = freqs.concat(freqs, 1); // [T, hd]
    return new Angles(emb.cos().toType(dtype, false), emb.sin().toType(dtype, false));
  }

  /** Rotates {@code x} [B, H, T, hd] by the angles of its T positions. */
  public static NDArray apply(NDArray x, Angles angles) {
    long half = x.getShape().get(3) / 2;
    NDList halves = x.split(new long[] {half}, 3); // 2 x [B, H, T, hd/2]
    NDArray rotated = NDArrays.concat(new NDList(halves.get(1).neg(), halves.get(0)), 3);
    return x.mul(angles.cos()).add(rotated.mul(angles.sin())); // [B, H, T, hd]
  }
}
