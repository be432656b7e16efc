package io.lenscast.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.model.ModelFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A LLaVA-1.5 checkpoint's {@code config.json}, bound with transformers' {@code LlavaConfig}
 * defaults (4.40-4.45): image token 32000, {@code vision_feature_layer} -2, strategy
 * {@code default} (drop CLS), projector GELU. Only a Llama text model and a CLIP vision tower are
 * supported; anything else is refused with a message naming the file.
 */
public record LlavaConfig(
    ClipVisionConfig vision,
    LlamaConfig text,
    int imageTokenIndex,
    int padTokenId,
    int visionFeatureLayer,
    String visionFeatureSelectStrategy,
    String projectorHiddenAct,
    boolean projectorBias) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads and binds {@code file} (a {@code config.json}). */
  public static LlavaConfig read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ModelFormatException(file + " is not valid JSON: " + e.getMessage(), e);
    }
    try {
      return from(root);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": " + e.getMessage(), e);
    }
  }

  /** Binds a parsed {@code config.json}; throws IllegalArgumentException on unsupported content. */
  public static LlavaConfig from(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("config is not a JSON object");
    }
    JsonFields f = new JsonFields(root, "config");
    String modelType = f.string("model_type", "");
    if (!modelType.equals("llava")) {
      throw new IllegalArgumentException("model_type '" + modelType
          + "' is not supported (expected 'llava', a LLaVA-1.5 checkpoint)");
    }
    JsonNode textNode = f.get("text_config");
    String textType = textNode == null ? "llama" : new JsonFields(textNode, "text_config")
        .string("model_type", "llama");
    if (!textType.equals("llama")) {
      throw new IllegalArgumentException("text_config.model_type '" + textType
          + "' is not supported (only 'llama')");
    }
    JsonNode visionNode = f.get("vision_config");
    ClipVisionConfig vision;
    if (visionNode == null) {
      vision = ClipVisionConfig.llavaDefault();
    } else {
      String visionType = new JsonFields(visionNode, "vision_config")
          .string("model_type", "clip_vision_model");
      if (!visionType.equals("clip_vision_model")) {
        throw new IllegalArgumentException("vision_config.model_type '" + visionType
            + "' is not supported (only 'clip_vision_model')");
      }
      vision = ClipVisionConfig.from(visionNode);
    }
    LlamaConfig text = LlamaConfig.from(textNode);
    String strategy = f.string("vision_feature_select_strategy", "default");
    if (!strategy.equals("default") && !strategy.equals("full")) {
      throw new IllegalArgumentException(
          "vision_feature_select_strategy '" + strategy + "' is not supported");
    }
    int featureLayer = f.integer("vision_feature_layer", -2);
    int states = vision.numHiddenLayers() + 1;
    if (featureLayer < -states || featureLayer >= states) {
      throw new IllegalArgumentException("vision_feature_layer " + featureLayer
          + " is out of range for " + vision.numHiddenLayers() + " vision layers");
    }
    String act = f.string("projector_hidden_act", "gelu");
    if (!act.equals("gelu")) {
      throw new IllegalArgumentException("projector_hidden_act '" + act + "' is not supported");
    }
    if (!vision.hiddenAct().equals("quick_gelu") && !vision.hiddenAct().equals("gelu")) {
      throw new IllegalArgumentException(
          "vision_config.hidden_act '" + vision.hiddenAct() + "' is not supported");
    }
    if (!text.hiddenAct().equals("silu")) {
      throw new IllegalArgumentException(
          "text_config.hidden_act '" + text.hiddenAct() + "' is not supported");
    }
    return new LlavaConfig(vision, text,
        f.integer("image_token_index", f.integer("image_token_id", 32000)),
        f.integer("pad_token_id", -1),
        featureLayer,
        strategy,
        act,
        f.bool("multimodal_projector_bias", true));
  }

  /** Index into the vision tower's hidden-states list (embeddings + one per layer). */
  public int visionFeatureStateIndex() {
    int states = vision.numHiddenLayers() + 1;
    return visionFeatureLayer < 0 ? states + visionFeatureLayer : visionFeatureLayer;
  }

  /** Visual tokens one image contributes to the decoder's sequence (576 for LLaVA-1.5). */
  public int imageTokens() {
    return vision.numPatches() + (visionFeatureSelectStrategy.equals("full") ? 1 : 0);
  }
}
