package io.lenscast.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.lenscast.model.config.RopeScaling;

/**
 * Rotary position embedding as transformers' Llama computes it: inverse frequencies
 * {@code 1 / theta^(2i/d)} in float32, rescaled per {@code rope_scaling} type, {@code cos/sin}
 * of {@code cat(freqs, freqs)}, applied with the half rotation {@code x cos + rotate_half(x) sin}.
 * The supported types all have attention factor 1, so the tables are never scaled. {@code dynamic}
 * recomputes the base from the length of each forward (its last position + 1), as transformers
 * does per forward; unlike transformers it keeps no longest-length-seen state between forwards.
 */
public final class Rope {
  private final int headDim;
  private final double theta;
  private final RopeScaling scaling;
  private final int maxPositionEmbeddings;

  public Rope(int headDim, double theta, RopeScaling scaling, int maxPositionEmbeddings) {
    this.headDim = headDim;
    this.theta = theta;
    this.scaling = scaling;
    this.maxPositionEmbeddings = maxPositionEmbeddings;
  }

  /** The cos/sin tables of positions {@code start..start+length-1}, each [T, hd]. */
  public record Angles(NDArray cos, NDArray sin) {}

  /** Builds the tables in {@code manager} in {@code dtype}. */
  public Angles angles(NDManager manager, int start, int length, DataType dtype) {
    NDArray invFreq = inverseFrequencies(manager, start + length); // [hd/2]
    NDArray positions = manager.arange(start, start + length, 1, DataType.INT64)
        .toType(DataType.FLOAT32, false); // [T]
    NDArray freqs = positions.reshape(length, 1).mul(invFreq.reshape(1, headDim / 2)); // [T, hd/2]
    NDArray emb = freqs.concat(freqs, 1); // [T, hd]
    return new Angles(emb.cos().toType(dtype, false), emb.sin().toType(dtype, false));
  }

  /** The float32 inverse frequencies [hd/2] of a forward whose sequence is {@code seqLen} long. */
  public NDArray inverseFrequencies(NDManager manager, int seqLen) {
    NDArray plain = unscaled(manager, base(seqLen)); // [hd/2]
    return switch (scaling.type()) {
      case LINEAR -> plain.div((float) scaling.factor());
      case LLAMA3 -> llama3(plain);
      case DEFAULT, DYNAMIC -> plain;
    };
  }

  /** theta, or for dynamic NTK beyond max_position_embeddings the grown base. */
  private double base(int seqLen) {
    if (scaling.type() != RopeScaling.Type.DYNAMIC) {
      return theta;
    }
    double len = Math.max(seqLen, maxPositionEmbeddings);
    double factor = scaling.factor();
    return theta * Math.pow(factor * len / maxPositionEmbeddings - (factor - 1),
        headDim / (headDim - 2.0));
  }

  private NDArray unscaled(NDManager manager, double base) {
    NDArray exponents = manager.arange(0, headDim, 2, DataType.INT64)
        .toType(DataType.FLOAT32, false).div(headDim); // [hd/2]
    NDArray powers = manager.full(exponents.getShape(), (float) base, DataType.FLOAT32)
        .pow(exponents); // [hd/2]
    return powers.onesLike().div(powers); // [hd/2]
  }

  /**
   * Llama 3.1: wavelengths above original / low_freq_factor divided by factor, below original /
   * high_freq_factor kept, in between a blend that is smooth in original / wavelength.
   */
  private NDArray llama3(NDArray invFreq) {
    float factor = (float) scaling.factor();
    double low = scaling.lowFreqFactor();
    double high = scaling.highFreqFactor();
    float original = scaling.originalMaxPositionEmbeddings();
    float lowFreqWavelen = (float) (original / low);
    float highFreqWavelen = (float) (original / high);
    NDArray wavelen = invFreq.onesLike().mul((float) (2 * Math.PI)).div(invFreq); // [hd/2]
    NDArray isLow = wavelen.gt(lowFreqWavelen); // [hd/2]
    NDArray kept = NDArrays.where(isLow, invFreq.div(factor), invFreq); // [hd/2]
    NDArray smooth = wavelen.onesLike().mul(original).div(wavelen)
        .sub((float) low).div((float) (high - low)); // [hd/2]
    NDArray blended = smooth.neg().add(1).mul(kept).div(factor).add(smooth.mul(kept)); // [hd/2]
    NDArray isMedium = wavelen.lt(highFreqWavelen).logicalNot().logicalAnd(isLow.logicalNot());
    return NDArrays.where(isMedium, blended, kept); // [hd/2]
  }

  /** Rotates {@code x} [B, H, T, hd] by the angles of its T positions. */
  public static NDArray apply(NDArray x, Angles angles) {
    long half = x.getShape().get(3) / 2;
    NDList halves = x.split(new long[] {half}, 3); // 2 x [B, H, T, hd/2]
    NDArray rotated = NDArrays.concat(new NDList(halves.get(1).neg(), halves.get(0)), 3);
    return x.mul(angles.cos()).add(rotated.mul(angles.sin())); // [B, H, T, hd]
  }
}
