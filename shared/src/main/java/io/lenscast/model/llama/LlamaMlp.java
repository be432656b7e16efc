package io.lenscast.model.llama;

import ai.djl.ndarray.NDArray;
import io.lenscast.model.nn.Activations;
import io.lenscast.model.nn.Linear;

/** Llama's gated MLP: {@code down(silu(gate(x)) * up(x))}. */
public record LlamaMlp(Linear gate, Linear up, Linear down) {
  /** {@code x} [B, T, D] -> [B, T, D]. */
  public NDArray forward(NDArray x) {
    NDArray gated = Activations.silu(gate.apply(x)).mul(up.apply(x)); // [B, T, I]
    return down.apply(gated); // [B, T, D]
  }
}
