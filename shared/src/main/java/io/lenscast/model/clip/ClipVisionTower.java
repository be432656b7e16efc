package io.lenscast.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.lenscast.model.config.ClipVisionConfig;
import io.lenscast.model.hooks.Captures;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.model.nn.LayerNorm;
import io.lenscast.model.nn.Linear;
import java.util.List;

/**
 * The CLIP ViT as LLaVA uses it: patch embedding (a bias-free conv with stride = kernel, done as
 * a matmul over flattened patches), CLS + position embeddings, {@code pre_layrnorm}, the encoder
 * layers up to the one LLaVA selects ({@code vision_feature_layer} indexes the hidden-states list
 * [embeddings, layer 0, ...]); {@code post_layernorm} is never used.
 */
public final class ClipVisionTower {
  private final ClipVisionConfig config;
  private final Linear patchEmbedding; // [Dv, 3*p*p], no bias
  private final NDArray classEmbedding; // [Dv]
  private final NDArray positionEmbedding; // [N, Dv]
  private final LayerNorm preLayerNorm;
  private final List<ClipEncoderLayer> layers;

  public ClipVisionTower(ClipVisionConfig config, Linear patchEmbedding, NDArray classEmbedding,
      NDArray positionEmbedding, LayerNorm preLayerNorm, List<ClipEncoderLayer> layers) {
    this.config = config;
    this.patchEmbedding = patchEmbedding;
    this.classEmbedding = classEmbedding;
    this.positionEmbedding = positionEmbedding;
    this.preLayerNorm = preLayerNorm;
    this.layers = List.copyOf(layers);
  }

  /**
   * Hidden state {@code stateIndex} (0 = embeddings after pre_layrnorm, i = output of layer i-1)
   * of {@code pixels} [B, C, S, S]; runs further layers only if their hooks are captured.
   *
   * @return [B, N, Dv] in pixels' manager
   */
  public NDArray hiddenState(NDArray pixels, int stateIndex, Captures captures) {
    NDManager scope = pixels.getManager();
    int lastNeeded = stateIndex;
    for (int l = 0; l < layers.size(); l++) {
      if (captures.wants(HookPoint.visionResidPost(l))) {
        lastNeeded = Math.max(lastNeeded, l + 1);
      }
    }
    NDArray x = embeddings(pixels); // [B, N, Dv]
    captures.offer(HookPoint.VISION_EMBEDS, x);
    NDArray selected = x;
    for (int l = 0; l < lastNeeded; l++) {
      NDArray next;
      try (NDManager layerScope = scope.newSubManager()) {
        x.tempAttach(layerScope);
        next = layers.get(l).forward(x); // [B, N, Dv]
        next.attach(scope);
      }
      if (x != selected) {
        x.close();
      }
      x = next;
      captures.offer(HookPoint.visionResidPost(l), x);
      if (l + 1 == stateIndex) {
        selected = x;
      }
    }
    return selected;
  }

  /** Patch + CLS + position embeddings after pre_layrnorm: [B, C, S, S] -> [B, N, Dv]. */
  NDArray embeddings(NDArray pixels) {
    long b = pixels.getShape().get(0);
    int c = config.numChannels();
    int g = config.gridSize();
    int p = config.patchSize();
    NDArray patches = pixels.reshape(b, c, g, p, g, p).transpose(0, 2, 4, 1, 3, 5)
        .reshape(b, (long) g * g, (long) c * p * p); // [B, g*g, C*p*p]
    NDArray embedded = patchEmbedding.apply(patches); // [B, g*g, Dv]
    NDArray cls = embedded.get(":, 0:1, :").zerosLike().add(classEmbedding); // [B, 1, Dv]
    NDArray tokens = cls.concat(embedded, 1).add(positionEmbedding); // [B, N, Dv]
    return preLayerNorm.apply(tokens); // [B, N, Dv]
  }

  public ClipVisionConfig config() {
    return config;
  }

  /** Drops CLS (strategy "default") or keeps it ("full"): [B, N, Dv] -> [B, 576, Dv]. */
  public static NDArray select(NDArray hidden, String strategy) {
    return strategy.equals("full") ? hidden : hidden.get(new NDIndex(":, 1:, :"));
  }
}
