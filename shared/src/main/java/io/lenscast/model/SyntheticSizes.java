package io.lenscast.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.model.config.LlavaConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Named model sizes for synthetic (random-weight) models, as {@code config.json} would give
 * them: {@code tiny} (the fixture's shape), {@code bench} (CLIP 256 x 4 layers, Llama 1024 x 8
 * layers, vocab 32064) and {@code llava-7b} (the real shape; needs ~30 GB in float32).
 */
public final class SyntheticSizes {
  private SyntheticSizes() {}

  public static List<String> names() {
    return List.of("tiny", "bench", "llava-7b");
  }

  /** The config of size {@code name}; IllegalArgumentException naming the known sizes. */
  public static LlavaConfig config(String name) {
    String json = switch (name) {
      case "tiny" -> build(64, 2, 4, 128, 64, 4, 4, 4, 176);
      case "bench" -> build(256, 4, 4, 1024, 1024, 8, 16, 16, 2816);
      case "llava-7b" -> build(1024, 24, 16, 4096, 4096, 32, 32, 32, 11008);
      default -> throw new IllegalArgumentException("unknown synthetic size '" + name
          + "' (known: " + String.join(", ", names()) + ")");
    };
    try {
      return LlavaConfig.from(new ObjectMapper().readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String build(int vHidden, int vLayers, int vHeads, int vInter, int hidden,
      int layers, int heads, int kvHeads, int inter) {
    return """
        {"model_type": "llava", "image_token_index": 32000, "pad_token_id": 32001,
         "text_config": {"model_type": "llama", "hidden_size": %d, "num_hidden_layers": %d,
           "num_attention_heads": %d, "num_key_value_heads": %d, "intermediate_size": %d,
           "vocab_size": 32064, "rms_norm_eps": 1e-05},
         "vision_config": {"model_type": "clip_vision_model", "hidden_size": %d,
           "num_hidden_layers": %d, "num_attention_heads": %d, "intermediate_size": %d,
           "image_size": 336, "patch_size": 14}}
        """.formatted(hidden, layers, heads, kvHeads, inter, vHidden, vLayers, vHeads, vInter);
  }
}
