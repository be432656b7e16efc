package io.lenscast.model.lens;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Turns the decoder's residual stream into lens events as it is computed: for each layer and
 * batch item, {@link LogitLens#apply} at the spec's positions, handed to the listener at once.
 * Chains a caller's own residual listener first.
 */
public final class LensStream implements ResidualListener {
  private final LogitLens lens;
  private final LensSpec spec;
  private final LensListener listener;
  private final int[] positions;
  private final int numLayers;
  private final ResidualListener before;

  /**
   * @param positions resolved sequence positions
   * @param numLayers lens layers (decoder layers + 1)
   * @param before another residual listener to call first, or null
   */
  public LensStream(LogitLens lens, LensSpec spec, LensListener listener, int[] positions,
      int numLayers, ResidualListener before) {
    this.lens = lens;
    this.spec = spec;
    this.listener = listener;
    this.positions = positions.clone();
    this.numLayers = numLayers;
    this.before = before;
  }

  @Override
  public void onResidual(int layer, NDArray residual) {
    if (before != null) {
      before.onResidual(layer, residual);
    }
    long batch = residual.getShape().get(0);
    for (int b = 0; b < batch; b++) {
      try (NDArray item = residual.get(new NDIndex(b))) { // [T, D]
        listener.onLayer(lens.apply(item, positions, spec.topK(), spec.chunkSize(), layer,
            numLayers, b));
      }
    }
  }
}
