package io.lenscast.model.lens;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import io.lenscast.model.llama.RmsNorm;

/**
 * The logit lens as a pure function of one layer's hidden states:
 * {@code softmax(lm_head(final_norm(h)))} top-k, computed chunk by chunk on the model's device
 * so that only one [chunk x vocab] block of logits exists at a time. Probabilities are
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
    int[][] ids = new int[n][];
    float[][] probs = new float[n][];
    try (NDManager scope = hidden.getManager().newSubManager()) {
      long[] longPositions = new long[n];
      for (int i = 0; i < n; i++) {
        longPositions[i] = positions[i];
      }
      NDArray index = scope.create(longPositions);
      NDArray rows = hidden.get(scope, new NDIndex("{}", index)); // [N, D]
      for (int start = 0; start < n; start += chunkSize) {
        int end = Math.min(n, start + chunkSize);
        try (NDManager chunkScope = scope.newSubManager()) {
          NDArray chunk = rows.get(chunkScope, new NDIndex(start + ":" + end)); // [C, D]
          NDArray logits = logits(chunk); // [C, V] float32
          topK(logits, topK, ids, probs, start);
        }
      }
    }
    return new LensLayer(batchIndex, layer, numLayers, positions.clone(), ids, probs);
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
   * Top-k of each row of {@code logits} [C, V] with softmax probabilities, written into
   * {@code ids}/{@code probs} from row {@code offset} on.
   */
  public static void topK(NDArray logits, int k, int[][] ids, float[][] probs, int offset) {
    long vocab = logits.getShape().get(1);
    int kk = (int) Math.min(k, vocab);
    NDList top = logits.softmax(-1).topK(kk, -1, true, true); // probs [C, k], indices [C, k]
    NDArray p = top.get(0);
    float[] pv = p.toFloatArray();
    long[] iv = top.get(1).toLongArray();
    int rows = (int) logits.getShape().get(0);
    for (int r = 0; r < rows; r++) {
      int[] rowIds = new int[kk];
      float[] rowProbs = new float[kk];
      for (int j = 0; j < kk; j++) {
        rowIds[j] = (int) iv[r * kk + j];
        rowProbs[j] = pv[r * kk + j];
      }
      ids[offset + r] = rowIds;
      probs[offset + r] = rowProbs;
    }
  }
}
