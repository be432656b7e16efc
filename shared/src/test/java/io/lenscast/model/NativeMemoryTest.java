package io.lenscast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.lenscast.model.hooks.AttentionBlock;
import io.lenscast.model.hooks.EmbeddingOverwrite;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.model.lens.LensSpec;
import io.lenscast.model.testing.Golden;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Twenty jobs leave native memory flat: every run's arrays die with its manager. */
class NativeMemoryTest {
  /**
   * Resident memory not accounted for by the JVM's heap and non-heap pools, in MB, once the
   * garbage collector has released the direct buffers DJL creates arrays from: polled until it
   * stops falling (or a deadline passes).
   */
  private static long nativeMb() throws IOException {
    long best = Long.MAX_VALUE;
    int unchanged = 0;
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (unchanged < 5 && System.nanoTime() < deadline) {
      System.gc();
      String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
      long rss = Long.parseLong(statm[1]) * 4096;
      MemoryMXBean jvm = ManagementFactory.getMemoryMXBean();
      long java = jvm.getHeapMemoryUsage().getCommitted()
          + jvm.getNonHeapMemoryUsage().getCommitted();
      long mb = (rss - java) / (1024 * 1024);
      if (mb < best) {
        best = mb;
        unchanged = 0;
      } else {
        unchanged++;
      }
    }
    return best;
  }

  private static void job(LlavaModel model, float[] pixels, int[] ids) {
    float[] vector = new float[model.config().text().hiddenSize()];
    RunSpec spec = RunSpec.plain()
        .withCapture(HookPoint.INPUTS_EMBEDS, HookPoint.attnPattern(1), HookPoint.residPost(2))
        .withOverwrite(EmbeddingOverwrite.imageRows(5, new int[] {10, 11, 12}, vector))
        .withBlock(new AttentionBlock(new int[] {590}, new int[] {5, 6, 7}, 1, 2))
        .withLens(new LensSpec(5, 64, new int[] {5, 100, 594}), layer -> { });
    try (NDManager m = NDManager.newBaseManager()) {
      model.generate(m, pixels, ids, spec, 3);
      model.projectImages(m, new float[][] {pixels});
    }
  }

  @Test
  void twentyJobsLeaveNativeMemoryAndTheWeightManagerFlat() throws Exception {
    Golden.Record rec = Golden.records().get(0);
    float[] pixels = rec.pixelValues();
    int[] ids = rec.inputIds();
    try (LlavaModel model = LlavaModel.load(Golden.TINY_MODEL, ModelOptions.cpu())) {
      int weights = model.weightArrayCount();
      for (int i = 0; i < 5; i++) {
        job(model, pixels, ids);
      }
      long before = nativeMb();
      for (int i = 0; i < 20; i++) {
        job(model, pixels, ids);
      }
      long after = nativeMb();
      System.out.printf("native memory %d MB -> %d MB over 20 jobs%n", before, after);
      assertEquals(weights, model.weightArrayCount(), "no array attached to the weights");
      assertTrue(after - before < 40, "native memory grew " + (after - before) + " MB");
    }
  }
}
