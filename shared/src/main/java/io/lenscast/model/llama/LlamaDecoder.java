package io.lenscast.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.lenscast.model.hooks.Captures;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.model.lens.ResidualListener;
import io.lenscast.model.nn.Linear;
import java.util.List;

/**
 * The Llama language model: token embeddings, the decoder layers, the final RMSNorm and
 * {@code lm_head}. Runs a prefill (with masks, captures and a residual listener) or one cached
 * generation step; each layer's temporaries live in their own sub-manager.
 */
public final class LlamaDecoder {
  private final NDArray embedTokens; // [V, D]
  private final List<LlamaLayer> layers;
  private final RmsNorm finalNorm;
  private final Linear lmHead; // [V, D]
  private final Rope rope;

  public LlamaDecoder(NDArray embedTokens, List<LlamaLayer> layers, RmsNorm finalNorm,
      Linear lmHead, Rope rope) {
    this.embedTokens = embedTokens;
    this.layers = List.copyOf(layers);
    this.finalNorm = finalNorm;
    this.lmHead = lmHead;
    this.rope = rope;
  }

  public int numLayers() {
    return layers.size();
  }

  public RmsNorm finalNorm() {
    return finalNorm;
  }

  public Linear lmHead() {
    return lmHead;
  }

  /** Embeddings of {@code ids} [B, T] (int64) -> [B, T, D], created in {@code manager}. */
  public NDArray embed(NDManager manager, NDArray ids) {
    long[] s = ids.getShape().getShape();
    NDArray flat = embedTokens.get(manager, new NDIndex("{}", ids.reshape(s[0] * s[1])));
    return flat.reshape(s[0], s[1], embedTokens.getShape().get(1)); // [B, T, D]
  }

  /**
   * Runs the layers over {@code embeds} [B, T, D] placed after {@code cache.length()} cached
   * positions and returns the last layer's raw output [B, T, D] (pre-norm), in embeds' manager.
   *
   * @param masks the prefill's masks, or null for a generation step (attend to all cached)
   * @param listener called with layer 0 = embeds and i+1 = output of layer i, or null
   */
  public NDArray forward(NDArray embeds, AttentionMask masks, KvCache cache, Captures captures,
      ResidualListener listener) {
    NDManager scope = embeds.getManager();
    int past = cache.length();
    int length = (int) embeds.getShape().get(1);
    Rope.Angles angles = rope.angles(scope, past, length, embeds.getDataType());
    if (listener != null) {
      listener.onResidual(0, embeds);
    }
    NDArray x = embeds;
    for (LlamaLayer layer : layers) {
      NDArray next;
      try (NDManager layerScope = scope.newSubManager()) {
        x.tempAttach(layerScope);
        angles.cos().tempAttach(layerScope);
        angles.sin().tempAttach(layerScope);
        NDArray mask = masks == null ? null : masks.forLayer(layer.index());
        next = layer.forward(x, angles, mask, cache, captures); // [B, T, D]
        next.attach(scope);
      }
      if (x != embeds) {
        x.close();
      }
      x = next;
      captures.offer(HookPoint.residPost(layer.index()), x);
      if (listener != null) {
        listener.onResidual(layer.index() + 1, x);
      }
    }
    return x;
  }

  /** Logits [B, V] of the last position of a last-layer output {@code hidden} [B, T, D]. */
  public NDArray lastLogits(NDArray hidden) {
    long t = hidden.getShape().get(1);
    NDArray last = hidden.get(new NDIndex(":, " + (t - 1) + ", :")); // [B, D]
    return lmHead.apply(finalNorm.apply(last)); // [B, V]
  }
}
