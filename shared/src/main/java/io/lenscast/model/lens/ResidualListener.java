package io.lenscast.model.lens;

import ai.djl.ndarray.NDArray;

/**
 * Sees the decoder's residual stream as each layer is computed: layer 0 = the merged input
 * embeddings, layer i+1 = the raw output of decoder layer i (the last one before the final
 * norm). {@code residual} is [B, T, D] and only valid during the call.
 */
@FunctionalInterface
public interface ResidualListener {
  void onResidual(int layer, NDArray residual);
}
