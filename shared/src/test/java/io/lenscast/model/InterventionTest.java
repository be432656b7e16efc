package io.lenscast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import io.lenscast.model.hooks.AttentionBlock;
import io.lenscast.model.hooks.EmbeddingOverwrite;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.model.lens.LensLayer;
import io.lenscast.model.lens.LensSpec;
import io.lenscast.model.lens.LogitLens;
import io.lenscast.model.testing.Compare;
import io.lenscast.model.testing.FreedBufferPoison;
import io.lenscast.model.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interventions change outputs only where they should, hooks show what happened, the lens'
 * last layer is the model's own distribution, batches equal single runs, and gradients reach
 * the input embeddings (integrated gradients).
 */
class InterventionTest {
  private static LlavaModel model;
  private static Golden.Record rec;
  private static final int IMAGE_START = 5;

  @BeforeAll
  static void load() throws Exception {
    model = LlavaModel.load(Golden.TINY_MODEL, ModelOptions.cpu());
    rec = Golden.records().get(0);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void blockedAttentionWeightsAreExactlyZeroAndUnblockedLayersUnchanged() {
    int t = model.sequenceLength(rec.inputIds());
    int last = t - 1;
    HookPoint[] patterns = IntStream.range(0, model.numLayers())
        .mapToObj(HookPoint::attnPattern).toArray(HookPoint[]::new);
    RunSpec capture = RunSpec.plain().withCapture(patterns);
    RunSpec blocked = capture.withBlock(new AttentionBlock(new int[] {last},
        IntStream.range(IMAGE_START, IMAGE_START + 576).toArray(), 1, 2));
    try (NDManager m = NDManager.newBaseManager()) {
      ForwardResult plain = model.forward(m, rec.pixelValues(), rec.inputIds(), capture);
      ForwardResult knocked = model.forward(m, rec.pixelValues(), rec.inputIds(), blocked);
      for (int l = 0; l < model.numLayers(); l++) {
        NDArray before = plain.capture(HookPoint.attnPattern(l)); // [1, H, T, T]
        NDArray after = knocked.capture(HookPoint.attnPattern(l));
        float[] lastRowImage = after.get(new NDIndex("0, :, " + last + ", "
            + IMAGE_START + ":" + (IMAGE_START + 576))).toFloatArray();
        float[] plainLastRowImage = before.get(new NDIndex("0, :, " + last + ", "
            + IMAGE_START + ":" + (IMAGE_START + 576))).toFloatArray();
        if (l == 1 || l == 2) {
          for (float w : lastRowImage) {
            assertEquals(0f, w, "layer " + l + ": blocked weight must be exactly 0");
          }
          for (float w : plainLastRowImage) {
            assertTrue(w > 0, "layer " + l + ": the edge carried weight before blocking");
          }
        } else if (l == 0) {
          assertArrayEquals(before.toFloatArray(), after.toFloatArray(),
              "layer 0 precedes the block: unchanged");
        } else {
          assertTrue(IntStream.range(0, lastRowImage.length).allMatch(i -> lastRowImage[i] > 0),
              "layer " + l + " is not blocked: last row still attends to the image");
        }
        float[] otherRows = after.get(new NDIndex("0, :, :" + last + ", :")).toFloatArray();
        assertArrayEquals(before.get(new NDIndex("0, :, :" + last + ", :")).toFloatArray(),
            otherRows, "layer " + l + ": queries other than the last are unchanged");
      }
    }
  }

  @Test
  void embeddingOverwriteChangesNothingBeforeTheFirstOverwrittenPosition() {
    int first = IMAGE_START + 200;
    float[] vector = new float[model.config().text().hiddenSize()];
    java.util.Arrays.fill(vector, 0.25f);
    HookPoint[] resid = IntStream.range(0, model.numLayers()).mapToObj(HookPoint::residPost)
        .toArray(HookPoint[]::new);
    RunSpec capture = RunSpec.plain().withCapture(resid).withCapture(HookPoint.INPUTS_EMBEDS);
    RunSpec overwritten = capture.withOverwrite(
        new EmbeddingOverwrite(new int[] {first, first + 1, first + 24}, vector));
    try (NDManager m = NDManager.newBaseManager()) {
      ForwardResult a = model.forward(m, rec.pixelValues(), rec.inputIds(), capture);
      ForwardResult b = model.forward(m, rec.pixelValues(), rec.inputIds(), overwritten);
      float[] row = b.capture(HookPoint.INPUTS_EMBEDS).get(new NDIndex("0, " + first + ", :"))
          .toFloatArray();
      assertArrayEquals(vector, row, "the overwritten embedding holds the vector");
      for (HookPoint h : resid) {
        NDIndex before = new NDIndex("0, :" + first + ", :");
        assertArrayEquals(a.capture(h).get(before).toFloatArray(),
            b.capture(h).get(before).toFloatArray(), h + " before position " + first);
        NDIndex after = new NDIndex("0, " + first + ":, :");
        assertFalse(java.util.Arrays.equals(a.capture(h).get(after).toFloatArray(),
            b.capture(h).get(after).toFloatArray()), h + " changes from position " + first);
      }
    }
  }

  @Test
  void finalLensLayerEqualsTheModelsOwnNextTokenDistribution() {
    List<LensLayer> lens = new ArrayList<>();
    RunSpec spec = RunSpec.plain().withLens(new LensSpec(10, 50, null), lens::add);
    try (NDManager m = NDManager.newBaseManager()) {
      ForwardResult r = model.forward(m, rec.pixelValues(), rec.inputIds(), spec);
      LensLayer last = lens.get(lens.size() - 1);
      assertEquals(model.numLayers(), last.layer());
      assertEquals(r.lastPosition(), last.positions()[last.positions().length - 1]);
      float[] logits = r.logits(0);
      NDList top = LogitLens.topK(m.create(logits).reshape(1, logits.length), 10);
      int[] ids = top.get(1).toType(DataType.INT32, false).toIntArray();
      int row = last.positions().length - 1;
      assertArrayEquals(ids, last.ids()[row]);
      Compare.absolute("last-layer lens probs", top.get(0).toFloatArray(), last.probs()[row],
          1e-7);
    }
  }

  @Test
  void batchOfImagesEqualsSingleRuns() {
    Golden.Record other = Golden.records().get(2);
    float[][] px = {rec.pixelValues(), other.pixelValues()};
    int[][] ids = {rec.inputIds(), other.inputIds()};
    try (NDManager m = NDManager.newBaseManager()) {
      ForwardResult batch = model.forwardBatch(m, px, ids, RunSpec.plain());
      GenerationResult gen = model.generateBatch(m, px, ids, RunSpec.plain(), 4);
      for (int b = 0; b < 2; b++) {
        ForwardResult single = model.forward(m, px[b], ids[b], RunSpec.plain());
        Compare.absolute("batch item " + b, single.logits(0), batch.logits(b), 1e-4);
        assertArrayEquals(model.generate(m, px[b], ids[b], RunSpec.plain(), 4).tokens(0),
            gen.tokens(b));
      }
    }
  }

  @Test
  void gradientsFlowFromLogitsBackToTheInputEmbeddings() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray embeds = model.inputsEmbeds(m, new float[][] {rec.pixelValues()},
          new int[][] {rec.inputIds()}); // [1, T, D]
      NDArray scaled = embeds.mul(0.5f);
      scaled.setRequiresGradient(true);
      int target = rec.intList("top10_ids")[0];
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        ForwardResult r = model.forwardEmbeds(m, scaled, IMAGE_START, RunSpec.plain());
        gc.backward(r.logits().get(new NDIndex("0, " + target)));
      }
      NDArray grad = scaled.getGradient();
      assertNotNull(grad);
      float[] imageRow = grad.get(new NDIndex("0, " + (IMAGE_START + 100) + ", :")).toFloatArray();
      assertTrue(IntStream.range(0, imageRow.length).anyMatch(i -> imageRow[i] != 0f),
          "a visual token reaches the last logits only through keys and values: non-zero grad");
    }
  }

  @Test
  void gradientsThroughAnOverwriteSurviveAGcThatReusesFreedJavaMemoryBeforeBackward() {
    RunSpec overwrite = RunSpec.plain().withOverwrite(new EmbeddingOverwrite(
        IntStream.range(IMAGE_START, IMAGE_START + 40).toArray(), new float[64]));
    float[] quiet = embedsGradient(overwrite, false);
    for (int round = 0; round < 3; round++) {
      float[] stressed = embedsGradient(overwrite, true);
      for (float g : stressed) {
        assertTrue(Float.isFinite(g), "round " + round + ": " + g);
      }
      assertArrayEquals(quiet, stressed, "round " + round);
    }
  }

  /** d(top logit)/d(input embeds) [T * D] under {@code spec}, optionally poisoning before it. */
  private static float[] embedsGradient(RunSpec spec, boolean poison) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray embeds = model.inputsEmbeds(m, new float[][] {rec.pixelValues()},
          new int[][] {rec.inputIds()}); // [1, T, D]
      embeds.setRequiresGradient(true);
      int target = rec.intList("top10_ids")[0];
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        ForwardResult r = model.forwardEmbeds(m, embeds, IMAGE_START, spec);
        NDArray y = r.logits().get(new NDIndex("0, " + target));
        if (poison) {
          FreedBufferPoison.collectAndPoison();
        }
        gc.backward(y);
      }
      return embeds.getGradient().toFloatArray();
    }
  }

  @Test
  void interventionsOutsideTheSequenceAreRefusedWithAClearMessage() {
    int t = model.sequenceLength(rec.inputIds());
    try (NDManager m = NDManager.newBaseManager()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> model.forward(m, rec.pixelValues(), rec.inputIds(), RunSpec.plain()
              .withBlock(new AttentionBlock(new int[] {t}, new int[] {0}, 0, 0))));
      assertTrue(e.getMessage().contains("outside the sequence"), e.getMessage());
      IllegalArgumentException all = assertThrows(IllegalArgumentException.class,
          () -> model.forward(m, rec.pixelValues(), rec.inputIds(), RunSpec.plain()
              .withBlock(new AttentionBlock(new int[] {3}, new int[] {0, 1, 2, 3}, 0, 0))));
      assertTrue(all.getMessage().contains("no key"), all.getMessage());
      assertThrows(IllegalArgumentException.class, () -> model.forward(m, rec.pixelValues(),
          new int[] {1, 2, 3}, RunSpec.plain()));
    }
  }

  @Test
  void theHookListenerSeesTheVisionTowerThenTheProjectorWhoseInputIsTheTowersFeatures() {
    List<HookPoint> reached = new ArrayList<>();
    RunSpec spec = RunSpec.plain().withCapture(HookPoint.PROJECTOR_IN)
        .withHookListener(reached::add);
    try (NDManager m = NDManager.newBaseManager()) {
      ForwardResult r = model.forward(m, rec.pixelValues(), rec.inputIds(), spec);
      int in = reached.indexOf(HookPoint.PROJECTOR_IN);
      assertEquals(List.of(HookPoint.VISION_EMBEDS), reached.subList(0, 1));
      assertEquals(HookPoint.PROJECTOR_OUT, reached.get(in + 1));
      assertEquals(HookPoint.INPUTS_EMBEDS, reached.get(in + 2));
      assertTrue(reached.subList(1, in).stream().allMatch(h -> h.name().startsWith("vision.")));
      NDArray features = model.visionFeatures(m, new float[][] {rec.pixelValues()});
      assertArrayEquals(features.toFloatArray(), r.capture(HookPoint.PROJECTOR_IN)
          .toFloatArray());
    }
  }
}
