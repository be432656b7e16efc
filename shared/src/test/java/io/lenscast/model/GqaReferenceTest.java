package io.lenscast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.model.testing.CheckpointWriter;
import io.lenscast.model.testing.Compare;
import io.lenscast.model.testing.RandomLlava;
import io.lenscast.model.testing.ReferenceLlama;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A random grouped-query Llama (2 kv heads for 6 query heads, rope_theta 500000, odd sizes)
 * computes what a naive float64 implementation of transformers' semantics computes, and the
 * same as the multi-head model whose k/v heads are repeated per group.
 */
class GqaReferenceTest {
  @TempDir
  static Path tmp;

  private static final RandomLlava CFG = RandomLlava.gqa();
  private static Map<String, CheckpointWriter.Tensor> tensors;
  private static final int[] IDS = {1, 11, 12, CFG.imageToken(), 20, 21, 22, 5};

  @BeforeAll
  static void write() throws Exception {
    tensors = CFG.tensors(42);
    new CheckpointWriter().dtype(CheckpointWriter.Dtype.F32).shards(2)
        .write(tmp.resolve("gqa"), CFG.configJson(), tensors);
    RandomLlava mha = CFG.asMultiHead();
    new CheckpointWriter().dtype(CheckpointWriter.Dtype.F32)
        .write(tmp.resolve("mha"), mha.configJson(), CFG.repeatKvHeads(tensors));
  }

  @Test
  void everyHiddenStateAndLogitsMatchTheFloat64Reference() throws Exception {
    float[] px = CheckpointFormatsTest.randomPixels(CFG.imageSize(), 3);
    HookPoint[] hooks = new HookPoint[CFG.layers() + 1];
    hooks[0] = HookPoint.INPUTS_EMBEDS;
    for (int l = 0; l < CFG.layers(); l++) {
      hooks[l + 1] = HookPoint.residPost(l);
    }
    try (LlavaModel model = LlavaModel.load(tmp.resolve("gqa"), ModelOptions.cpu());
         NDManager m = NDManager.newBaseManager()) {
      assertEquals(2, model.config().text().numKeyValueHeads());
      ForwardResult r = model.forward(m, px, IDS, RunSpec.plain().withCapture(hooks));
      int t = r.seqLen();
      int d = CFG.hidden();
      assertEquals(IDS.length - 1 + 4, t);
      float[] embeds = r.capture(HookPoint.INPUTS_EMBEDS).toFloatArray();
      double[][] in = new double[t][d];
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < d; j++) {
          in[i][j] = embeds[i * d + j];
        }
      }
      ReferenceLlama.Output ref = new ReferenceLlama(CFG, tensors).run(in);
      for (int l = 1; l <= CFG.layers(); l++) {
        Compare.relativeToAbsMax("hidden " + l, Compare.flat(ref.hidden()[l]),
            r.capture(hooks[l]).toFloatArray(), 1e-5);
      }
      Compare.relativeToAbsMax("logits", Compare.toFloats(ref.lastLogits()), r.logits(0), 1e-5);
    }
  }

  @Test
  void groupedQueryModelEqualsMultiHeadModelWithRepeatedKvHeads() throws Exception {
    float[] px = CheckpointFormatsTest.randomPixels(CFG.imageSize(), 4);
    float[] gqa = CheckpointFormatsTest.logits(tmp.resolve("gqa"), px, IDS);
    float[] mha = CheckpointFormatsTest.logits(tmp.resolve("mha"), px, IDS);
    Compare.relativeToAbsMax("gqa vs mha logits", mha, gqa, 1e-6);
  }

  @Test
  void cachedGreedyGenerationEqualsRecomputingTheFullSequence() throws Exception {
    float[] px = CheckpointFormatsTest.randomPixels(CFG.imageSize(), 5);
    try (LlavaModel model = LlavaModel.load(tmp.resolve("gqa"), ModelOptions.cpu());
         NDManager m = NDManager.newBaseManager()) {
      int[] cached = model.generate(m, px, IDS, RunSpec.plain(), 6).tokens(0);
      int[] ids = IDS.clone();
      int[] recomputed = new int[cached.length];
      for (int step = 0; step < cached.length; step++) {
        float[] logits = model.forward(m, px, ids, RunSpec.plain()).logits(0);
        recomputed[step] = argmax(logits);
        ids = Arrays.copyOf(ids, ids.length + 1);
        ids[ids.length - 1] = recomputed[step];
      }
      assertArrayEquals(recomputed, cached);
    }
  }

  @Test
  void generationStopsAtTheEosTokenOfGenerationConfig() throws Exception {
    float[] px = CheckpointFormatsTest.randomPixels(CFG.imageSize(), 6);
    int[] free;
    try (LlavaModel model = LlavaModel.load(tmp.resolve("gqa"), ModelOptions.cpu());
         NDManager m = NDManager.newBaseManager()) {
      free = model.generate(m, px, IDS, RunSpec.plain(), 5).tokens(0);
    }
    Path eosDir = tmp.resolve("gqa-eos");
    new CheckpointWriter().write(eosDir, CFG.configJson(), tensors);
    java.nio.file.Files.writeString(eosDir.resolve("generation_config.json"),
        "{\"eos_token_id\": " + free[2] + "}");
    try (LlavaModel model = LlavaModel.load(eosDir, ModelOptions.cpu());
         NDManager m = NDManager.newBaseManager()) {
      assertEquals(free[2], model.eosTokenId());
      GenerationResult r = model.generate(m, px, IDS, RunSpec.plain(), 5);
      int stop = 0;
      while (free[stop] != free[2]) {
        stop++;
      }
      assertArrayEquals(Arrays.copyOf(free, stop + 1), r.tokens(0), "ends with the EOS token");
      assertEquals(true, r.stoppedOnEos()[0]);
    }
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
