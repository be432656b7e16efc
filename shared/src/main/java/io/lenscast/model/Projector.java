package io.lenscast.model;

import ai.djl.ndarray.NDArray;
import io.lenscast.model.nn.Activations;
import io.lenscast.model.nn.Linear;

/** LLaVA's multi-modal projector: {@code linear_2(gelu(linear_1(features)))}, GELU exact. */
public record Projector(Linear linear1, Linear linear2) {
  /** {@code features} [B, 576, Dv] -> [B, 576, D]. */
  public NDArray forward(NDArray features) {
    return linear2.apply(Activations.gelu(linear1.apply(features))); // [B, 576, D]
  }
}
