package io.lenscast.model.hooks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.lenscast.model.nn.OwnedConstants;
import java.util.Arrays;
import java.util.List;

/**
 * Applies {@link EmbeddingOverwrite}s to input embeddings out of place, as
 * {@code x * keep + replacement} (exact: kept rows are multiplied by 1 and added 0), so autograd
 * still reaches the untouched positions (the keep mask is an {@link OwnedConstants} array: the
 * backward multiplies by it again). Later overwrites of a position win.
 */
public final class Overwrites {
  private Overwrites() {}

  /** {@code embeds} [B, T, D] with the overwrites applied; the same array if there are none. */
  public static NDArray apply(NDArray embeds, List<EmbeddingOverwrite> overwrites) {
    if (overwrites.isEmpty()) {
      return embeds;
    }
    int length = (int) embeds.getShape().get(1);
    int dim = (int) embeds.getShape().get(2);
    float[] keep = new float[length];
    Arrays.fill(keep, 1f);
    float[] replacement = new float[length * dim];
    for (EmbeddingOverwrite o : overwrites) {
      if (o.vector().length != dim) {
        throw new IllegalArgumentException("overwrite vector has " + o.vector().length
            + " values, the model's hidden size is " + dim);
      }
      for (int p : o.positions()) {
        if (p < 0 || p >= length) {
          throw new IllegalArgumentException("overwrite position " + p + " outside 0.."
              + (length - 1));
        }
        keep[p] = 0f;
        System.arraycopy(o.vector(), 0, replacement, p * dim, dim);
      }
    }
    NDManager scope = embeds.getManager();
    NDArray keepNd = OwnedConstants.of(scope, keep, new Shape(1, length, 1))
        .toType(embeds.getDataType(), false); // [1, T, 1]
    NDArray replNd = OwnedConstants.of(scope, replacement, new Shape(1, length, dim))
        .toType(embeds.getDataType(), false); // [1, T, D]
    return embeds.mul(keepNd).add(replNd); // [B, T, D]
  }
}
