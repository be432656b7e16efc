package io.lenscast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.model.testing.CheckpointWriter;
import io.lenscast.model.testing.Compare;
import io.lenscast.model.testing.RandomLlava;
import io.lenscast.model.testing.ReferenceLlama;
import io.lenscast.model.testing.ReferenceRope;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The random grouped-query LLaVA with a text_config.rope_scaling computes what the float64
 * reference computes with the same scaled frequencies (hd 6, theta 500000: the three rotation
 * pairs have wavelengths 6.3, 499 and 39584), and differs from the unscaled model, so the
 * scaling is applied rather than ignored.
 */
class RopeScalingReferenceTest {
  @TempDir
  static Path tmp;

  private static final RandomLlava CFG = RandomLlava.gqa();
  private static Map<String, CheckpointWriter.Tensor> tensors;
  private static final int[] IDS = {1, 11, 12, CFG.imageToken(), 20, 21, 22, 5};
  private static final double THETA = CFG.ropeTheta();

  @BeforeAll
  static void write() throws Exception {
    tensors = CFG.tensors(7);
    new CheckpointWriter().dtype(CheckpointWriter.Dtype.F32)
        .write(tmp.resolve("plain"), CFG.configJson(), tensors);
  }

  @Test
  void linearScalingMatchesTheReferenceWithDividedFrequencies() throws Exception {
    assertMatchesReference("linear", "\"rope_scaling\": {\"type\": \"linear\", \"factor\": 4.0}",
        ReferenceRope.linear(THETA, 4.0));
  }

  @Test
  void llama3ScalingMatchesTheReferenceInAllThreeBands() throws Exception {
    // original / high = 250 and original / low = 1000: one pair kept, one blended, one divided
    assertMatchesReference("llama3", "\"rope_scaling\": {\"rope_type\": \"llama3\","
        + " \"factor\": 8.0, \"low_freq_factor\": 1.0, \"high_freq_factor\": 4.0,"
        + " \"original_max_position_embeddings\": 1000}",
        ReferenceRope.llama3(THETA, 8.0, 1.0, 4.0, 1000));
  }

  @Test
  void dynamicScalingBeyondMaxPositionEmbeddingsMatchesTheReferenceWithTheGrownBase()
      throws Exception {
    assertMatchesReference("dynamic", "\"max_position_embeddings\": 4,"
        + " \"rope_scaling\": {\"type\": \"dynamic\", \"factor\": 2.0}",
        ReferenceRope.dynamic(THETA, 2.0, 4));
  }

  @Test
  void yarnIsRefusedAtLoadNamingTheModelFolder() throws Exception {
    Path dir = tmp.resolve("yarn");
    new CheckpointWriter().dtype(CheckpointWriter.Dtype.F32).write(dir,
        CFG.configJson("\"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": 4.0}"), tensors);
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> LlavaModel.load(dir, ModelOptions.cpu()).close());
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("type 'yarn' is not supported (supported: default, linear,"
        + " dynamic, llama3)"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), "one line");
  }

  private static void assertMatchesReference(String name, String fields, ReferenceRope rope)
      throws Exception {
    Path dir = tmp.resolve(name);
    new CheckpointWriter().dtype(CheckpointWriter.Dtype.F32)
        .write(dir, CFG.configJson(fields), tensors);
    float[] px = CheckpointFormatsTest.randomPixels(CFG.imageSize(), 3);
    HookPoint[] hooks = new HookPoint[CFG.layers() + 1];
    hooks[0] = HookPoint.INPUTS_EMBEDS;
    for (int l = 0; l < CFG.layers(); l++) {
      hooks[l + 1] = HookPoint.residPost(l);
    }
    float[] logits;
    try (LlavaModel model = LlavaModel.load(dir, ModelOptions.cpu());
         NDManager m = NDManager.newBaseManager()) {
      ForwardResult r = model.forward(m, px, IDS, RunSpec.plain().withCapture(hooks));
      int t = r.seqLen();
      int d = CFG.hidden();
      float[] embeds = r.capture(HookPoint.INPUTS_EMBEDS).toFloatArray();
      double[][] in = new double[t][d];
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < d; j++) {
          in[i][j] = embeds[i * d + j];
        }
      }
      ReferenceLlama.Output ref = new ReferenceLlama(CFG, tensors, rope).run(in);
      for (int l = 1; l <= CFG.layers(); l++) {
        Compare.relativeToAbsMax(name + " hidden " + l, Compare.flat(ref.hidden()[l]),
            r.capture(hooks[l]).toFloatArray(), 1e-5);
      }
      logits = r.logits(0);
      Compare.relativeToAbsMax(name + " logits", Compare.toFloats(ref.lastLogits()), logits, 1e-5);
    }
    float[] plain = CheckpointFormatsTest.logits(tmp.resolve("plain"), px, IDS);
    double diff = 0;
    double max = 0;
    for (int i = 0; i < plain.length; i++) {
      diff = Math.max(diff, Math.abs(plain[i] - logits[i]));
      max = Math.max(max, Math.abs(plain[i]));
    }
    assertTrue(diff > 1e-3 * max, name + ": scaled logits differ from the unscaled ones by "
        + diff + " (max |logit| " + max + ")");
  }
}
