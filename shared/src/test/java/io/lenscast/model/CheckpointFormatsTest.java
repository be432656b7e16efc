package io.lenscast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.lenscast.model.testing.CheckpointWriter;
import io.lenscast.model.testing.Compare;
import io.lenscast.model.testing.Golden;
import io.lenscast.model.testing.Half;
import io.lenscast.model.testing.RandomLlava;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real checkpoints come as float32/float16/bfloat16, single-file or sharded, in two name layouts
 * and possibly inside the HF cache: every variant must give the same numbers.
 */
class CheckpointFormatsTest {
  @TempDir
  Path tmp;

  static float[] randomPixels(int size, long seed) {
    Random r = new Random(seed);
    float[] px = new float[3 * size * size];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) r.nextGaussian();
    }
    return px;
  }

  @Test
  void fixtureRewrittenAsFloat32ShardedNewLayoutInHfCacheGivesGoldenLogits() throws Exception {
    Map<String, CheckpointWriter.Tensor> tensors =
        CheckpointWriter.readAll(Golden.TINY_MODEL.resolve("model.safetensors"));
    Path repo = tmp.resolve("models--org--tiny");
    Path snapshot = repo.resolve("snapshots").resolve("abc123");
    new CheckpointWriter().dtype(CheckpointWriter.Dtype.F32).shards(3).newLayout(true)
        .write(snapshot, Files.readString(Golden.TINY_MODEL.resolve("config.json")), tensors);
    Files.createDirectories(repo.resolve("refs"));
    Files.writeString(repo.resolve("refs").resolve("main"), "abc123\n");
    assertTrue(Files.exists(snapshot.resolve("model.safetensors.index.json")));

    Golden.Record rec = Golden.records().get(0);
    float[] rewritten;
    float[] original;
    try (LlavaModel model = LlavaModel.load(repo, ModelOptions.cpu());
         NDManager m = NDManager.newBaseManager()) {
      rewritten = model.forward(m, rec.pixelValues(), rec.inputIds(), RunSpec.plain()).logits(0);
    }
    try (LlavaModel model = LlavaModel.load(Golden.TINY_MODEL, ModelOptions.cpu());
         NDManager m = NDManager.newBaseManager()) {
      original = model.forward(m, rec.pixelValues(), rec.inputIds(), RunSpec.plain()).logits(0);
    }
    Compare.absolute("logits", rec.array("logits_last").toFloats(), rewritten, 1e-3);
    assertArrayEquals(original, rewritten, "float16 storage and float32 storage of the same values");
  }

  @Test
  void bfloat16CheckpointEqualsFloat32CheckpointOfTheRoundedValues() throws Exception {
    RandomLlava cfg = RandomLlava.gqa();
    Map<String, CheckpointWriter.Tensor> rounded = new LinkedHashMap<>();
    cfg.tensors(7).forEach((name, t) -> {
      float[] v = t.values().clone();
      for (int i = 0; i < v.length; i++) {
        v[i] = Half.roundBf16(v[i]);
      }
      rounded.put(name, new CheckpointWriter.Tensor(t.shape(), v));
    });
    Path bf16 = tmp.resolve("bf16");
    Path f32 = tmp.resolve("f32");
    new CheckpointWriter().dtype(CheckpointWriter.Dtype.BF16).shards(2)
        .write(bf16, cfg.configJson(), rounded);
    new CheckpointWriter().dtype(CheckpointWriter.Dtype.F32).write(f32, cfg.configJson(), rounded);
    float[] px = randomPixels(cfg.imageSize(), 1);
    int[] ids = {1, 5, 17, cfg.imageToken(), 40, 41, 3};
    assertArrayEquals(logits(f32, px, ids), logits(bf16, px, ids));
  }

  static float[] logits(Path dir, float[] px, int[] ids) throws Exception {
    try (LlavaModel model = LlavaModel.load(dir, ModelOptions.cpu());
         NDManager m = NDManager.newBaseManager()) {
      return model.forward(m, px, ids, RunSpec.plain()).logits(0);
    }
  }
}
