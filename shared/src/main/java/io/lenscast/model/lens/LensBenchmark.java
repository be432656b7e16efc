package io.lenscast.model.lens;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.lenscast.model.LlavaModel;

/**
 * Measures what the logit lens costs beyond its unavoidable unembedding matmuls: the full lens
 * (norm, unembed, softmax, top-k, chunking, copy-out) over {@code layers} hidden states of
 * {@code positions} rows, against the bare {@code [chunk, D] x [D, V]} matmuls of the same
 * shapes, in the same run, on the model's device (interleaved layer by layer, so load on a
 * shared machine hits both alike).
 */
public final class LensBenchmark {
  /** Milliseconds of the full lens and of the bare matmuls for the same work. */
  public record Timing(double lensMs, double matmulMs, int layers, int positions, int chunk) {
    /** lens time / bare matmul time (1.3 = 30% on top of the matmuls). */
    public double overheadVsMatmul() {
      return lensMs / matmulMs;
    }
  }

  private LensBenchmark() {}

  /** Runs one warm-up round, then times {@code layers} lens calls and their bare matmuls. */
  public static Timing measure(LlavaModel model, int positions, int layers, int topK, int chunk) {
    LogitLens lens = model.lens();
    NDArray lmHead = lens.lmHead();
    long dim = lmHead.getShape().get(1);
    int[] rows = new int[positions];
    for (int i = 0; i < positions; i++) {
      rows[i] = i;
    }
    try (NDManager m = lmHead.getManager().newSubManager()) {
      NDArray hidden = m.randomNormal(new Shape(positions, dim)).toType(lmHead.getDataType(),
          false); // [N, D]
      lens.apply(hidden, rows, topK, chunk, 0, layers, 0);
      bareMatmuls(hidden, lmHead, chunk);
      long lensNs = 0;
      long matmulNs = 0;
      for (int l = 0; l < layers; l++) {
        long t0 = System.nanoTime();
        lens.apply(hidden, rows, topK, chunk, l, layers, 0);
        long t1 = System.nanoTime();
        bareMatmuls(hidden, lmHead, chunk);
        lensNs += t1 - t0;
        matmulNs += System.nanoTime() - t1;
      }
      return new Timing(lensNs / 1e6, matmulNs / 1e6, layers, positions, chunk);
    }
  }

  private static void bareMatmuls(NDArray hidden, NDArray lmHead, int chunk) {
    long n = hidden.getShape().get(0);
    try (NDManager scope = hidden.getManager().newSubManager()) {
      NDArray last = null;
      for (long start = 0; start < n; start += chunk) {
        NDArray rows = hidden.get(scope, new NDIndex(start + ":" + Math.min(n, start + chunk)));
        last = rows.getNDArrayInternal().linear(rows, lmHead, null).singletonOrThrow(); // [C, V]
      }
      if (last != null) {
        last.get(new NDIndex("0, 0")).toFloatArray();
      }
    }
  }
}
