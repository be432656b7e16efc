package io.lenscast.bench;

import ai.djl.ndarray.NDArray;
import io.lenscast.model.lens.ResidualListener;

/**
 * Notes when one layer's residual becomes ready during a forward: layer 0 (the merged input
 * embeddings) marks the start of the decoder, the last layer the end of a prefill. Lets the
 * benchmark split a single forward or generation into stages without subtracting two runs.
 */
final class LayerMark implements ResidualListener {
  private final int layer;
  private long at = -1;

  LayerMark(int layer) {
    this.layer = layer;
  }

  @Override
  public void onResidual(int l, NDArray residual) {
    if (l == layer) {
      DeviceSync.await(residual);
      at = System.nanoTime();
    }
  }

  /** Milliseconds from the mark to {@code endNanos}. */
  double msUntil(long endNanos) {
    if (at < 0) {
      throw new IllegalStateException("layer " + layer + " was never reached");
    }
    return (endNanos - at) / 1e6;
  }
}
