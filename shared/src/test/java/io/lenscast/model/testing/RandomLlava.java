package io.lenscast.model.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A small random LLaVA for tests: its {@code config.json} (defaults omitted where the Hub omits
 * them) and Hub-named tensors drawn from a seeded Gaussian, norm gains != 1 and biases != 0.
 */
public record RandomLlava(
    int visionHidden, int visionLayers, int visionHeads, int visionIntermediate, int imageSize,
    int patchSize,
    int hidden, int layers, int heads, int kvHeads, int intermediate, int vocab,
    double ropeTheta, int imageToken) {

  /** Grouped-query attention (kv 2 of 6 heads), rope_theta 500000, odd sizes, 28 px images. */
  public static RandomLlava gqa() {
    return new RandomLlava(12, 2, 2, 21, 28, 14, 36, 3, 6, 2, 37, 97, 500000.0, 96);
  }

  /** The same model with every key/value head repeated per group (plain multi-head). */
  public RandomLlava asMultiHead() {
    return new RandomLlava(visionHidden, visionLayers, visionHeads, visionIntermediate,
        imageSize, patchSize, hidden, layers, heads, heads, intermediate, vocab, ropeTheta,
        imageToken);
  }

  public int headDim() {
    return hidden / heads;
  }

  public String configJson() {
    return """
        {
          "model_type": "llava",
          "image_token_index": %d,
          "pad_token_id": %d,
          "text_config": {
            "model_type": "llama",
            "hidden_size": %d,
            "num_hidden_layers": %d,
            "num_attention_heads": %d,
            "num_key_value_heads": %d,
            "intermediate_size": %d,
            "vocab_size": %d,
            "rope_theta": %s,
            "rms_norm_eps": 1e-05
          },
          "vision_config": {
            "model_type": "clip_vision_model",
            "hidden_size": %d,
            "num_hidden_layers": %d,
            "num_attention_heads": %d,
            "intermediate_size": %d,
            "image_size": %d,
            "patch_size": %d
          },
          "vision_feature_layer": -2,
          "vision_feature_select_strategy": "default"
        }
        """.formatted(imageToken, vocab - 2, hidden, layers, heads, kvHeads, intermediate, vocab,
        Double.toString(ropeTheta), visionHidden, visionLayers, visionHeads, visionIntermediate,
        imageSize, patchSize);
  }

  /** {@link #configJson()} plus {@code text_config} fields, e.g. {@code "rope_scaling": {...}}. */
  public String configJson(String extraTextFields) {
    String anchor = "\"rms_norm_eps\": 1e-05";
    return configJson().replace(anchor, anchor + ",\n    " + extraTextFields);
  }

  /** All tensors by Hub name. */
  public Map<String, CheckpointWriter.Tensor> tensors(long seed) {
    Random rnd = new Random(seed);
    Map<String, CheckpointWriter.Tensor> t = new LinkedHashMap<>();
    String v = "vision_tower.vision_model.";
    int grid = imageSize / patchSize;
    put(t, rnd, v + "embeddings.class_embedding", 0.5, 0, visionHidden);
    put(t, rnd, v + "embeddings.patch_embedding.weight", 0.1, 0, visionHidden, 3, patchSize,
        patchSize);
    put(t, rnd, v + "embeddings.position_embedding.weight", 0.5, 0, grid * grid + 1,
        visionHidden);
    put(t, rnd, v + "pre_layrnorm.weight", 0.2, 1, visionHidden);
    put(t, rnd, v + "pre_layrnorm.bias", 0.2, 0, visionHidden);
    for (int l = 0; l < visionLayers; l++) {
      String p = v + "encoder.layers." + l + ".";
      for (String proj : new String[] {"q_proj", "k_proj", "v_proj", "out_proj"}) {
        put(t, rnd, p + "self_attn." + proj + ".weight", 0.3, 0, visionHidden, visionHidden);
        put(t, rnd, p + "self_attn." + proj + ".bias", 0.1, 0, visionHidden);
      }
      for (String ln : new String[] {"layer_norm1", "layer_norm2"}) {
        put(t, rnd, p + ln + ".weight", 0.2, 1, visionHidden);
        put(t, rnd, p + ln + ".bias", 0.2, 0, visionHidden);
      }
      put(t, rnd, p + "mlp.fc1.weight", 0.3, 0, visionIntermediate, visionHidden);
      put(t, rnd, p + "mlp.fc1.bias", 0.1, 0, visionIntermediate);
      put(t, rnd, p + "mlp.fc2.weight", 0.3, 0, visionHidden, visionIntermediate);
      put(t, rnd, p + "mlp.fc2.bias", 0.1, 0, visionHidden);
    }
    put(t, rnd, v + "post_layernorm.weight", 0.2, 1, visionHidden);
    put(t, rnd, v + "post_layernorm.bias", 0.2, 0, visionHidden);
    put(t, rnd, "multi_modal_projector.linear_1.weight", 0.3, 0, hidden, visionHidden);
    put(t, rnd, "multi_modal_projector.linear_1.bias", 0.1, 0, hidden);
    put(t, rnd, "multi_modal_projector.linear_2.weight", 0.3, 0, hidden, hidden);
    put(t, rnd, "multi_modal_projector.linear_2.bias", 0.1, 0, hidden);
    String lm = "language_model.model.";
    put(t, rnd, lm + "embed_tokens.weight", 1.0, 0, vocab, hidden);
    int hd = headDim();
    for (int l = 0; l < layers; l++) {
      String p = lm + "layers." + l + ".";
      put(t, rnd, p + "input_layernorm.weight", 0.2, 1, hidden);
      put(t, rnd, p + "self_attn.q_proj.weight", 0.3, 0, heads * hd, hidden);
      put(t, rnd, p + "self_attn.k_proj.weight", 0.3, 0, kvHeads * hd, hidden);
      put(t, rnd, p + "self_attn.v_proj.weight", 0.3, 0, kvHeads * hd, hidden);
      put(t, rnd, p + "self_attn.o_proj.weight", 0.3, 0, hidden, heads * hd);
      put(t, rnd, p + "post_attention_layernorm.weight", 0.2, 1, hidden);
      put(t, rnd, p + "mlp.gate_proj.weight", 0.3, 0, intermediate, hidden);
      put(t, rnd, p + "mlp.up_proj.weight", 0.3, 0, intermediate, hidden);
      put(t, rnd, p + "mlp.down_proj.weight", 0.3, 0, hidden, intermediate);
    }
    put(t, rnd, lm + "norm.weight", 0.2, 1, hidden);
    put(t, rnd, "language_model.lm_head.weight", 0.3, 0, vocab, hidden);
    return t;
  }

  /**
   * This GQA model's tensors rewritten for {@link #asMultiHead()}: each k/v head's rows repeated
   * for the query heads of its group (transformers' repeat_kv), everything else unchanged.
   */
  public Map<String, CheckpointWriter.Tensor> repeatKvHeads(
      Map<String, CheckpointWriter.Tensor> gqa) {
    Map<String, CheckpointWriter.Tensor> out = new LinkedHashMap<>(gqa);
    int hd = headDim();
    int groups = heads / kvHeads;
    for (int l = 0; l < layers; l++) {
      for (String proj : new String[] {"k_proj", "v_proj"}) {
        String name = "language_model.model.layers." + l + ".self_attn." + proj + ".weight";
        float[] w = gqa.get(name).values(); // [KV*hd, D]
        float[] r = new float[heads * hd * hidden];
        for (int h = 0; h < heads; h++) {
          int kv = h / groups;
          System.arraycopy(w, kv * hd * hidden, r, h * hd * hidden, hd * hidden);
        }
        out.put(name, new CheckpointWriter.Tensor(new long[] {(long) heads * hd, hidden}, r));
      }
    }
    return out;
  }

  private static void put(Map<String, CheckpointWriter.Tensor> t, Random rnd, String name,
      double scale, double mean, long... shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    float[] v = new float[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (mean + scale * rnd.nextGaussian());
    }
    t.put(name, new CheckpointWriter.Tensor(shape, v));
  }
}
