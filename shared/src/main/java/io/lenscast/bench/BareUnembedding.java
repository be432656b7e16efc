package io.lenscast.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The part of the logit lens nothing can avoid: the unembedding matmuls {@code [C, D] x [D, V]}
 * over the lens's chunks of positions, and nothing else (no norm, no softmax, no top-k, no copy
 * out). Timed next to the real lens, it prices everything the lens adds on top.
 */
final class BareUnembedding {
  private final NDArray lmHead; // [V, D]

  BareUnembedding(NDArray lmHead) {
    this.lmHead = lmHead;
  }

  /**
   * Milliseconds for {@code layers} rounds of the matmuls over {@code positions} rows in chunks
   * of {@code chunk}, each chunk's logits freed before the next (as the lens does), the device
   * synchronised once per round (as the lens's copy-out does).
   */
  double timeMs(NDManager m, int positions, int layers, int chunk) {
    long dim = lmHead.getShape().get(1);
    try (NDManager scope = m.newSubManager(lmHead.getDevice())) {
      NDArray rows = scope.randomNormal(new Shape(positions, dim))
          .toType(lmHead.getDataType(), false); // [N, D]
      DeviceSync.await(rows);
      long start = System.nanoTime();
      for (int l = 0; l < layers; l++) {
        for (int from = 0; from < positions; from += chunk) {
          int to = Math.min(positions, from + chunk);
          try (NDManager chunkScope = scope.newSubManager()) {
            NDArray x = rows.get(chunkScope, new NDIndex(from + ":" + to)); // [C, D]
            NDArray logits = x.getNDArrayInternal().linear(x, lmHead, null)
                .singletonOrThrow(); // [C, V]
            if (to == positions) {
              DeviceSync.await(logits);
            }
          }
        }
      }
      return (System.nanoTime() - start) / 1e6;
    }
  }
}
