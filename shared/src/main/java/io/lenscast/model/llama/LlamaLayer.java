package io.lenscast.model.llama;

import ai.djl.ndarray.NDArray;
import io.lenscast.model.hooks.Captures;

/** One pre-norm decoder layer: {@code h = x + attn(norm(x)); out = h + mlp(norm(h))}. */
public record LlamaLayer(int index, RmsNorm inputNorm, LlamaAttention attention,
                         RmsNorm postAttentionNorm, LlamaMlp mlp) {
  /** {@code x} [B, T, D] -> [B, T, D]. */
  public NDArray forward(NDArray x, Rope.Angles angles, NDArray mask, KvCache cache,
      Captures captures) {
    NDArray attended = attention.forward(inputNorm.apply(x), angles, mask, cache, index,
        captures); // [B, T, D]
    NDArray h = x.add(attended); // [B, T, D]
    return h.add(mlp.forward(postAttentionNorm.apply(h))); // [B, T, D]
  }
}
