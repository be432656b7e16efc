package io.lenscast.bench;

import ai.djl.ndarray.NDArray;
import io.lenscast.model.lens.LensLayer;
import io.lenscast.model.lens.LensListener;
import io.lenscast.model.lens.ResidualListener;

/**
 * Times the logit lens inside a forward without touching it: the engine calls the residual
 * listener when a layer's residual is ready and the lens listener when that layer's top-k are
 * out on the host, so the gap between the two is everything the lens did for the layer (row
 * gather, norm, unembedding, softmax, top-k, chunking, copy out).
 */
final class LensClock implements ResidualListener, LensListener {
  private long mark;
  private long totalNanos;
  private int layers;
  private int positions;

  @Override
  public void onResidual(int layer, NDArray residual) {
    DeviceSync.await(residual);
    mark = System.nanoTime();
  }

  @Override
  public void onLayer(LensLayer layer) {
    long now = System.nanoTime();
    totalNanos += now - mark;
    mark = now;
    layers++;
    positions = layer.positions().length;
  }

  double totalMs() {
    return totalNanos / 1e6;
  }

  /** Lens layers seen (decoder layers + 1 per batch item). */
  int layers() {
    return layers;
  }

  /** Positions per layer. */
  int positions() {
    return positions;
  }
}
