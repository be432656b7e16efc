package io.lenscast.model.clip;

import ai.djl.ndarray.NDArray;
import io.lenscast.model.nn.Activations;
import io.lenscast.model.nn.LayerNorm;
import io.lenscast.model.nn.Linear;

/**
 * One CLIP encoder layer: {@code h = x + attn(ln1(x)); out = h + fc2(act(fc1(ln2(h))))}.
 */
public record ClipEncoderLayer(LayerNorm layerNorm1, ClipAttention attention,
                               LayerNorm layerNorm2, Linear fc1, Linear fc2, String act) {
  /** {@code x} [B, N, Dv] -> [B, N, Dv]. */
  public NDArray forward(NDArray x) {
    NDArray h = x.add(attention.forward(layerNorm1.apply(x))); // [B, N, Dv]
    NDArray hidden = Activations.apply(act, fc1.apply(layerNorm2.apply(h))); // [B, N, I]
    return h.add(fc2.apply(hidden)); // [B, N, Dv]
  }
}
