package io.lenscast.model.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lenscast.model.LlavaModel;
import io.lenscast.model.ModelFormatException;
import io.lenscast.model.ModelOptions;
import io.lenscast.model.testing.CheckpointWriter;
import io.lenscast.model.testing.RandomLlava;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders that are not loadable LLaVA checkpoints are refused with one line naming the cause. */
class BadModelFolderTest {
  @TempDir
  Path tmp;

  private String load(Path dir) {
    return assertThrows(ModelFormatException.class,
        () -> LlavaModel.load(dir, ModelOptions.cpu()).close()).getMessage();
  }

  @Test
  void folderWithoutConfigIsNotALlavaCheckpoint() throws Exception {
    Files.writeString(tmp.resolve("readme.txt"), "hi");
    assertEquals(tmp + " is not a LLaVA checkpoint: no config.json", load(tmp));
    assertEquals(tmp.resolve("nope") + " is not a LLaVA checkpoint: not a directory",
        load(tmp.resolve("nope")));
  }

  @Test
  void folderWithoutWeightsIsRefused() throws Exception {
    Files.writeString(tmp.resolve("config.json"), RandomLlava.gqa().configJson());
    assertEquals(tmp + " is not a LLaVA checkpoint: no model.safetensors or "
        + "model.safetensors.index.json", load(tmp));
  }

  @Test
  void missingTensorIsNamedWithTheIndexFile() throws Exception {
    RandomLlava cfg = RandomLlava.gqa();
    Map<String, CheckpointWriter.Tensor> t = new LinkedHashMap<>(cfg.tensors(1));
    t.remove("language_model.model.layers.1.mlp.up_proj.weight");
    new CheckpointWriter().shards(2).write(tmp, cfg.configJson(), t);
    assertEquals("missing tensor language_model.model.layers.1.mlp.up_proj.weight in "
        + tmp.resolve("model.safetensors.index.json"), load(tmp));
  }

  @Test
  void misShapedTensorIsNamedWithItsFileAndBothShapes() throws Exception {
    RandomLlava cfg = RandomLlava.gqa();
    Map<String, CheckpointWriter.Tensor> t = new LinkedHashMap<>(cfg.tensors(1));
    t.put("language_model.model.norm.weight",
        new CheckpointWriter.Tensor(new long[] {35}, new float[35]));
    new CheckpointWriter().newLayout(true).write(tmp, cfg.configJson(), t);
    assertEquals("tensor model.language_model.norm.weight in " + tmp.resolve("model.safetensors")
        + " has shape [35], expected [36]", load(tmp));
  }

  @Test
  void unsupportedArchitectureIsRefused() throws Exception {
    Files.writeString(tmp.resolve("config.json"), RandomLlava.gqa().configJson()
        .replace("\"model_type\": \"llama\"", "\"model_type\": \"qwen2\""));
    assertEquals(tmp.resolve("config.json") + ": text_config.model_type 'qwen2' is not supported"
        + " (only 'llama')", load(tmp));
  }

  @Test
  void corruptSafetensorsIsRefused() throws Exception {
    Files.writeString(tmp.resolve("config.json"), RandomLlava.gqa().configJson());
    Files.write(tmp.resolve("model.safetensors"), new byte[] {1, 2, 3});
    assertEquals(tmp.resolve("model.safetensors") + " is not a safetensors file: too short",
        load(tmp));
  }
}
