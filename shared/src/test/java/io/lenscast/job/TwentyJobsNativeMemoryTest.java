package io.lenscast.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.lenscast.events.Event;
import io.lenscast.events.JobEvent;
import io.lenscast.events.Schemas;
import io.lenscast.image.ClipImageProcessor;
import io.lenscast.image.ClipPreprocessorConfig;
import io.lenscast.image.ImageDecoder;
import io.lenscast.image.RgbImage;
import io.lenscast.model.GenerationResult;
import io.lenscast.model.LlavaModel;
import io.lenscast.model.RunSpec;
import io.lenscast.model.hooks.AttentionBlock;
import io.lenscast.model.hooks.EmbeddingOverwrite;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.model.lens.LensLayer;
import io.lenscast.model.lens.LensSpec;
import io.lenscast.model.testing.Golden;
import io.lenscast.model.testing.NativeMemoryProbe;
import io.lenscast.model.testing.NativeMemoryProbe.Snapshot;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Twenty jobs on the fixture model leave native memory where it was: even jobs go through
 * {@link LlavaJobProcessor} (decode, preprocess, forward with the streamed lens and its layer
 * events, greedy generation, result event), odd ones straight through the engine with captures,
 * an embedding overwrite and an attention block; after every job the engine holds exactly the
 * arrays it held before, and resident memory has not grown after warm-up. The probe is shown to
 * catch a deliberately leaked array and a leak of native memory per job.
 */
class TwentyJobsNativeMemoryTest {
  private static final int JOBS = 20;
  private static final int WARMUP_JOBS = 4;
  /**
   * Resident memory may grow by 8 MB per job after warm-up (128 MB over 16 jobs): on a fresh JVM
   * the JIT's code cache and the allocator's arenas still grow a few MB per job (seen: 0 to 115
   * MB over these jobs, depending on load). A leak of anything as large as one lens chunk's
   * logits (64 x 32064 floats = 8.2 MB) per job exceeds it; smaller leaks of DJL arrays are
   * caught exactly by the live-array count.
   */
  private static final double RSS_SLACK_MB = 128;
  private static final String PROMPT_TEXT =
      "USER: <image>\nWhat is shown in this image? ASSISTANT:";
  private static final int[] PROMPT = {1, 3148, 1001, 29901, 29871, 32000, 29871, 13, 5618, 338,
      4318, 297, 445, 1967, 29973, 319, 1799, 9047, 13566, 29901};

  @Test
  void twentyJobsLeaveNoArraysAliveAndResidentMemoryFlat() throws Exception {
    byte[] png = Files.readAllBytes(Golden.FIXTURES.resolve("images/img0_shapes_500x375.png"));
    ClipImageProcessor images = new ClipImageProcessor(ClipPreprocessorConfig.load(
        Golden.TINY_MODEL.resolve("preprocessor_config.json")));
    JobEvent job = new JobEvent(Schemas.JOB, 1, "leak-check", null, PROMPT_TEXT, null, null,
        null, null, new JobEvent.Analyses(new JobEvent.LogitLens(5), null, null,
            new JobEvent.Generate(4)), null, null, null, null);
    Snapshot start = NativeMemoryProbe.snapshot();
    Snapshot afterWarmup = null;
    try (LlavaJobProcessor processor = LlavaJobProcessor.open(Golden.TINY_MODEL)) {
      LlavaModel model = processor.model();
      Snapshot loaded = NativeMemoryProbe.snapshot();
      assertTrue(loaded.liveArrays() > start.liveArrays(), "the probe sees the model's weights");
      for (int j = 0; j < JOBS; j++) {
        if (j % 2 == 0) {
          List<Event> events = new ArrayList<>();
          processor.process(job, png, events::add);
          assertEquals(model.numLayers() + 2, events.size(), "layer events and the result");
        } else {
          runEngineJob(model, images, png);
        }
        assertEquals(loaded.liveArrays(), NativeMemoryProbe.liveArrays(),
            "arrays alive after job " + j);
        if (j == WARMUP_JOBS - 1) {
          afterWarmup = NativeMemoryProbe.snapshot();
        }
      }
      Snapshot end = NativeMemoryProbe.snapshot();
      assertNull(NativeMemoryProbe.leak(afterWarmup, end, RSS_SLACK_MB),
          "jobs " + WARMUP_JOBS + ".." + JOBS + " leaked");
    }
    assertEquals(start.liveArrays(), NativeMemoryProbe.liveArrays(),
        "closing the model frees its weights");
  }

  /** A job straight through the engine: everything in one NDManager, closed at the end. */
  private static void runEngineJob(LlavaModel model, ClipImageProcessor processor, byte[] png)
      throws Exception {
    RgbImage image = new ImageDecoder(40_000_000L).decode(png);
    float[] pixels = processor.process(image).pixelValues();
    int imageStart = model.imageStart(PROMPT);
    float[] mean = new float[model.config().text().hiddenSize()];
    List<LensLayer> layers = new ArrayList<>();
    RunSpec spec = RunSpec.plain()
        .withCapture(HookPoint.PROJECTOR_OUT, HookPoint.attnPattern(0))
        .withOverwrite(EmbeddingOverwrite.imageRows(imageStart, new int[] {0, 1, 24, 25}, mean))
        .withBlock(new AttentionBlock(new int[] {model.sequenceLength(PROMPT) - 1},
            new int[] {imageStart, imageStart + 1}, 0, model.numLayers() - 1))
        .withLens(LensSpec.visualAndLast(5), layers::add);
    try (NDManager job = NDManager.newBaseManager()) {
      GenerationResult result = model.generate(job, pixels, PROMPT, spec, 4);
      assertEquals(model.numLayers() + 1, layers.size());
      assertTrue(result.tokens(0).length >= 1);
      assertTrue(job.getManagedArrays().size() >= 3, "the job's outputs live in its manager");
    }
  }

  @Test
  void probeCatchesADeliberatelyLeakedArray() {
    Snapshot before = NativeMemoryProbe.snapshot();
    try (NDManager leaky = NDManager.newBaseManager()) {
      try (NDManager job = leaky.newSubManager()) {
        job.ones(new Shape(16, 16));
        leaky.ones(new Shape(4)); // escapes the job's manager
      }
      String leak = NativeMemoryProbe.leak(before, NativeMemoryProbe.snapshot(), RSS_SLACK_MB);
      assertNotNull(leak);
      assertTrue(leak.startsWith("1 NDArrays more alive"), leak);
    }
    assertNull(NativeMemoryProbe.leak(before, NativeMemoryProbe.snapshot(), RSS_SLACK_MB));
  }

  @Test
  void probeCatchesNativeMemoryGrowingPerJob() {
    Snapshot before = NativeMemoryProbe.snapshot();
    try (NDManager leaky = NDManager.newBaseManager()) {
      for (int job = 0; job < JOBS; job++) {
        // 64 MB kept per "job": above glibc's largest mmap threshold (32 MB), so each one is fresh
        // resident memory rather than a reuse of what earlier tests in this JVM freed
        leaky.ones(new Shape(16384, 1024));
      }
      Snapshot after = new Snapshot(before.liveArrays(), NativeMemoryProbe.snapshot().rssMb());
      String leak = NativeMemoryProbe.leak(before, after, RSS_SLACK_MB);
      assertNotNull(leak, "1280 MB kept over 20 jobs must exceed the slack");
      assertTrue(leak.startsWith("resident memory grew"), leak);
    }
  }
}
