package io.lenscast.model.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CLIP vision tower's hyper-parameters, bound from {@code vision_config} with the defaults of
 * transformers' {@code CLIPVisionConfig} (4.40-4.45) for omitted fields.
 */
public record ClipVisionConfig(
    int hiddenSize,
    int intermediateSize,
    int numHiddenLayers,
    int numAttentionHeads,
    int numChannels,
    int imageSize,
    int patchSize,
    String hiddenAct,
    double layerNormEps) {

  /** Binds {@code node} (may be null or empty), applying CLIPVisionConfig's defaults. */
  public static ClipVisionConfig from(JsonNode node) {
    JsonFields f = new JsonFields(node, "vision_config");
    return new ClipVisionConfig(
        f.integer("hidden_size", 768),
        f.integer("intermediate_size", 3072),
        f.integer("num_hidden_layers", 12),
        f.integer("num_attention_heads", 12),
        f.integer("num_channels", 3),
        f.integer("image_size", 224),
        f.integer("patch_size", 32),
        f.string("hidden_act", "quick_gelu"),
        f.number("layer_norm_eps", 1e-5));
  }

  /** LlavaConfig's vision tower when {@code vision_config} is absent altogether (CLIP ViT-L/14-336). */
  public static ClipVisionConfig llavaDefault() {
    return new ClipVisionConfig(1024, 4096, 24, 16, 3, 336, 14, "quick_gelu", 1e-5);
  }

  public int headDim() {
    return hiddenSize / numAttentionHeads;
  }

  /** Patches per side: 24 for 336 px / patch 14. */
  public int gridSize() {
    return imageSize / patchSize;
  }

  public int numPatches() {
    return gridSize() * gridSize();
  }

  /** Positions of the tower's sequence: the patches plus the CLS token. */
  public int numPositions() {
    return numPatches() + 1;
  }
}
