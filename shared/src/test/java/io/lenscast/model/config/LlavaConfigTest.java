package io.lenscast.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.model.ModelFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config.json is bound with transformers' defaults for the fields the Hub's files omit. */
class LlavaConfigTest {
  /** The shape of llava-hf/llava-1.5-7b-hf's config.json (text dims omitted). */
  private static final String LLAVA_7B = """
      {
        "architectures": ["LlavaForConditionalGeneration"],
        "ignore_index": -100,
        "image_token_index": 32000,
        "model_type": "llava",
        "pad_token_id": 32001,
        "projector_hidden_act": "gelu",
        "text_config": {
          "_name_or_path": "lmsys/vicuna-7b-v1.5",
          "architectures": ["LlamaForCausalLM"],
          "max_position_embeddings": 4096,
          "model_type": "llama",
          "rms_norm_eps": 1e-05,
          "torch_dtype": "float16",
          "vocab_size": 32064
        },
        "tie_word_embeddings": false,
        "torch_dtype": "float16",
        "transformers_version": "4.36.0.dev0",
        "vision_config": {
          "hidden_size": 1024,
          "image_size": 336,
          "intermediate_size": 4096,
          "model_type": "clip_vision_model",
          "num_attention_heads": 16,
          "num_hidden_layers": 24,
          "patch_size": 14,
          "projection_dim": 768,
          "vocab_size": 32000
        },
        "vision_feature_layer": -2,
        "vision_feature_select_strategy": "default",
        "vocab_size": 32064
      }
      """;

  private static LlavaConfig parse(String json) throws Exception {
    return LlavaConfig.from(new ObjectMapper().readTree(json));
  }

  @Test
  void llava7bConfigGetsLlamaDefaultDimensions() throws Exception {
    LlavaConfig c = parse(LLAVA_7B);
    LlamaConfig t = c.text();
    assertEquals(4096, t.hiddenSize());
    assertEquals(32, t.numHiddenLayers());
    assertEquals(32, t.numAttentionHeads());
    assertEquals(32, t.numKeyValueHeads());
    assertEquals(128, t.headDim());
    assertEquals(11008, t.intermediateSize());
    assertEquals(32064, t.vocabSize());
    assertEquals(1e-5, t.rmsNormEps());
    assertEquals(10000.0, t.ropeTheta());
    assertEquals(RopeScaling.NONE, t.ropeScaling());
    assertEquals(4096, t.maxPositionEmbeddings());
    assertEquals(2, t.eosTokenId());
    assertEquals(1024, c.vision().hiddenSize());
    assertEquals(24, c.vision().gridSize());
    assertEquals("quick_gelu", c.vision().hiddenAct());
    assertEquals(1e-5, c.vision().layerNormEps());
    assertEquals(23, c.visionFeatureStateIndex());
    assertEquals(576, c.imageTokens());
    assertEquals(32000, c.imageTokenIndex());
    assertTrue(c.projectorBias(), "projector biases unless multimodal_projector_bias is false");
  }

  @Test
  void omittedTextFieldsFallBackToLlamaConfigDefaults() throws Exception {
    LlavaConfig c = parse("{\"model_type\": \"llava\", \"text_config\": {\"num_attention_heads\": 8,"
        + " \"hidden_size\": 512}}");
    assertEquals(8, c.text().numKeyValueHeads(), "kv heads default to heads");
    assertEquals(64, c.text().headDim());
    assertEquals(1e-6, c.text().rmsNormEps());
    assertEquals(32000, c.text().vocabSize());
    assertEquals(1024, c.vision().hiddenSize(), "no vision_config: LLaVA's CLIP ViT-L/14-336");
    assertEquals(32000, c.imageTokenIndex());
    assertEquals(151646, parse("{\"model_type\": \"llava\", \"image_token_id\": 151646}")
        .imageTokenIndex(), "newer configs name it image_token_id");
  }

  @Test
  void unsupportedArchitecturesAreRefusedWithTheFileName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, LLAVA_7B.replace("\"model_type\": \"llama\"",
        "\"model_type\": \"mistral\""));
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> LlavaConfig.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("text_config.model_type 'mistral' is not supported"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> parse("{\"model_type\": \"clip\"}"));
    assertThrows(IllegalArgumentException.class, () -> parse(
        "{\"model_type\": \"llava\", \"text_config\": {\"rope_scaling\": {\"type\": \"yarn\"}}}"));
  }
}
