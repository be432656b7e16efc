package io.lenscast.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lenscast.events.ResultEvent.ModelInfo;
import io.lenscast.events.TopK;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small pieces of the job processor: next-token top-k, model identity, stage timing. */
class JobHelpersTest {
  @TempDir
  Path tmp;

  @Test
  void nextTokenTopKIsASoftmaxOverTheWholeVocabularyWithLowerIdsWinningTies() {
    float[] logits = {1f, 3f, 3f, 0f, 2f};
    TopK top = NextTokenTopK.of(logits, 3);
    assertArrayEquals(new int[] {1, 2, 4}, top.ids());
    double z = Math.exp(1) + 2 * Math.exp(3) + 1 + Math.exp(2);
    assertEquals(Math.exp(3) / z, top.probs()[0], 1e-7);
    assertEquals(Math.exp(2) / z, top.probs()[2], 1e-7);
    assertEquals(5, NextTokenTopK.of(logits, 10).ids().length);
  }

  @Test
  void modelIdentityNamesHuggingFaceCacheSnapshotsByRepoAndRevision() throws Exception {
    Path snapshot = Files.createDirectories(
        tmp.resolve("models--llava-hf--llava-1.5-7b-hf/snapshots/abc123"));
    Files.writeString(snapshot.resolve("config.json"), "{}");
    ModelInfo info = ModelIdentity.of(snapshot, "float16", "cuda:0");
    assertEquals("llava-hf/llava-1.5-7b-hf", info.name());
    assertEquals("abc123", info.revision());
    assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
        info.configSha256());
    Path plain = Files.createDirectories(tmp.resolve("my-llava"));
    Files.writeString(plain.resolve("config.json"), "{}");
    ModelInfo local = ModelIdentity.of(plain, "float32", "cpu");
    assertEquals("my-llava", local.name());
    assertNull(local.revision());
  }

  @Test
  void stageTimerAccumulatesRepeatedStagesInFirstRunOrder() {
    StageTimer timer = new StageTimer();
    timer.add("lens", 1.5);
    timer.add("decoder", 2.0);
    timer.add("lens", 0.25);
    assertEquals(1.75, timer.get("lens"));
    assertEquals(java.util.List.of("lens", "decoder"),
        java.util.List.copyOf(timer.snapshot().keySet()));
  }
}
