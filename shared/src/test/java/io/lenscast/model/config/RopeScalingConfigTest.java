package io.lenscast.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.model.ModelFormatException;
import io.lenscast.model.config.RopeScaling.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * text_config.rope_scaling is read in both spellings transformers accepts ({@code type} and
 * {@code rope_type}); types lenscast does not compute are refused naming the type, the supported
 * ones and the file.
 */
class RopeScalingConfigTest {
  private static LlamaConfig text(String ropeScaling) throws Exception {
    return LlavaConfig.from(new ObjectMapper().readTree("{\"model_type\": \"llava\","
        + " \"text_config\": {\"max_position_embeddings\": 4096, \"rope_scaling\": "
        + ropeScaling + "}}")).text();
  }

  @Test
  void absentOrNullRopeScalingIsNoScaling() throws Exception {
    assertEquals(RopeScaling.NONE, text("null").ropeScaling());
    assertEquals(RopeScaling.NONE, LlavaConfig.from(new ObjectMapper().readTree(
        "{\"model_type\": \"llava\"}")).text().ropeScaling());
    assertEquals(2048, LlavaConfig.from(new ObjectMapper().readTree(
        "{\"model_type\": \"llava\"}")).text().maxPositionEmbeddings());
    assertEquals(RopeScaling.NONE, text("{\"rope_type\": \"default\"}").ropeScaling());
  }

  @Test
  void oldSpellingTypeIsRead() throws Exception {
    LlamaConfig c = text("{\"type\": \"linear\", \"factor\": 2.0}");
    assertEquals(new RopeScaling(Type.LINEAR, 2.0, 0, 0, 0), c.ropeScaling());
    assertEquals(4096, c.maxPositionEmbeddings());
    assertEquals(new RopeScaling(Type.DYNAMIC, 4.0, 0, 0, 0),
        text("{\"type\": \"dynamic\", \"factor\": 4}").ropeScaling());
  }

  @Test
  void newSpellingRopeTypeIsReadWithLlama3Parameters() throws Exception {
    assertEquals(new RopeScaling(Type.LLAMA3, 8.0, 1.0, 4.0, 8192),
        text("{\"rope_type\": \"llama3\", \"factor\": 8.0, \"low_freq_factor\": 1.0,"
            + " \"high_freq_factor\": 4.0, \"original_max_position_embeddings\": 8192}")
            .ropeScaling());
  }

  @Test
  void typeWinsOverRopeTypeAsInTransformersLlamaConfig() throws Exception {
    assertEquals(Type.LINEAR,
        text("{\"type\": \"linear\", \"rope_type\": \"dynamic\", \"factor\": 2.0}")
            .ropeScaling().type());
  }

  @Test
  void missingParametersAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> text("{\"type\": \"linear\"}"));
    assertEquals("text_config.rope_scaling of type 'linear' needs factor", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> text(
        "{\"rope_type\": \"llama3\", \"factor\": 8.0, \"low_freq_factor\": 1.0,"
            + " \"high_freq_factor\": 4.0}"));
    assertEquals("text_config.rope_scaling of type 'llama3' needs original_max_position_embeddings",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> text("{\"factor\": 2.0}"));
    assertThrows(IllegalArgumentException.class,
        () -> text("{\"type\": \"linear\", \"factor\": \"2\"}"));
  }

  @Test
  void unsupportedTypeIsRefusedInOneLineNamingTypeSupportedOnesAndFile(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"model_type\": \"llava\", \"text_config\": {\"rope_scaling\":"
        + " {\"rope_type\": \"yarn\", \"factor\": 4.0}}}");
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> LlavaConfig.read(file));
    assertEquals(file + ": text_config.rope_scaling type 'yarn' is not supported"
        + " (supported: default, linear, dynamic, llama3)", e.getMessage());
    assertTrue(e.getMessage().contains(dir.toString()), "names the model folder");
  }
}
