package io.lenscast.model.lens;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import io.lenscast.model.llama.RmsNorm;

/**
 * The logit lens as a pure function of one layer's hidden states:
 * {@code softmax(lm_head(final_norm(h)))} top-k, computed chunk by chunk on the model's device
 * so that only one [chunk x vocab] block of logits exists at a time; results stay on the
 * device until one copy per layer. Probabilities are
 * a float32 softmax over the full vocabulary (one fused pass), then top-k on the device.
 */
public final class LogitLens {
  private final RmsNorm finalNorm;
  private final NDArray lmHead; // [V, D]

  public LogitLens(RmsNorm finalNorm, NDArray lmHead) {
    this.finalNorm = finalNorm;
    this.lmHead = lmHead;
  }

  /**
   * Lens of {@code hidden} [T, D] at {@code positions}.
   *
   * @param layer reported in the result (0 = embeddings)
   */
  public LensLayer apply(NDArray hidden, int[] positions, int topK, int chunkSize, int layer,
      int numLayers, int batchIndex) {
    int n = positions.length;
    int k = (int) Math.min(topK, lmHead.getShape().get(0));
    float[] probValues;
    long[] idValues;
    try (NDManager scope = hidden.getManager().newSubManager()) {
      long[] longPositions = new long[n];
      for (int i = 0; i < n; i++) {
        longPositions[i] = positions[i];
      }
      NDArray rows = hidden.get(scope, new NDIndex("{}", scope.create(longPositions))); // [N, D]
      NDList probs = new NDList();
      NDList ids = new NDList();
      for (int start = 0; start < n; start += chunkSize) {
        int end = Math.min(n, start + chunkSize);
        try (NDManager chunkScope = scope.newSubManager()) {
          NDArray chunk = rows.get(chunkScope, new NDIndex(start + ":" + end)); // [C, D]
          NDList top = topK(logits(chunk), k); // [C, k] probs, [C, k] ids
          top.attach(scope);
          probs.add(top.get(0));
          ids.add(top.get(1));
        }
      }
      probValues = NDArrays.concat(probs, 0).toFloatArray(); // [N * k]
      idValues = NDArrays.concat(ids, 0).toType(DataType.INT64, false).toLongArray(); // [N * k]
    }
    int[][] outIds = new int[n][k];
    float[][] outProbs = new float[n][k];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < k; j++) {
        outIds[r][j] = (int) idValues[r * k + j];
        outProbs[r][j] = probValues[r * k + j];
      }
    }
    return new LensLayer(batchIndex, layer, numLayers, positions.clone(), outIds, outProbs);
  }

  /** The unembedding matrix [V, D]. */
  public NDArray lmHead() {
    return lmHead;
  }

  /** {@code lm_head(final_norm(h))} of {@code h} [C, D], as float32 [C, V]. */
  public NDArray logits(NDArray h) {
    NDArray normed = finalNorm.apply(h); // [C, D]
    NDArray logits = normed.getNDArrayInternal().linear(normed, lmHead, null).singletonOrThrow();
    return logits.getDataType() == DataType.FLOAT32 ? logits
        : logits.toType(DataType.FLOAT32, false); // [C, V]
  }

  /**
   * Top-k of each row of {@code logits} [C, V] by softmax probability over the full row:
   * {@code [probs [C, k], ids [C, k]]}, descending, on the device.
   */
  public static NDList topK(NDArray logits, int k) {
    return logits.softmax(-1).topK(k, -1, true, true);
  }
}
