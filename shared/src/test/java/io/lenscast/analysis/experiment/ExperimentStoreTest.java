package io.lenscast.analysis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.analysis.lens.LensScore;
import io.lenscast.events.AblationEvent;
import io.lenscast.events.Outcome;
import io.lenscast.events.Schemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentStoreTest {
  @Test
  void recordsSurviveReopeningWithTheirEvents(@TempDir Path dir) throws IOException {
    Outcome o = new Outcome("A cat.", new int[] {319, 6635}, true, true, 0.4, null, null);
    AblationEvent e = new AblationEvent(Schemas.ABLATION, 1, "exp-1", "object_b1", "describe",
        new int[] {6, 7}, new int[] {1, 2}, "mean", "ab", null, o, o);
    try (ExperimentStore s = ExperimentStore.open(dir)) {
      s.put(new ExperimentRecord("1", ExperimentRecord.DONE, null, "cat", List.of(e), null,
          null));
      s.put(ExperimentRecord.skipped("2", "dog", "baseline description does not name dog"));
      s.put(new ExperimentRecord("3", ExperimentRecord.DONE, null, "cat", null, null,
          new LensScore(4, new double[] {0, 0.5}, new double[] {0, 1}, 1, 0.5, 1, 1)));
    }
    try (ExperimentStore s = ExperimentStore.open(dir)) {
      assertTrue(s.has("1") && s.has("2") && s.has("3"));
      ExperimentRecord one = s.records().get(0);
      assertTrue(one.done());
      assertEquals("object_b1", one.ablations().get(0).condition());
      assertEquals(true, one.ablations().get(0).ablated().correct());
      assertFalse(s.records().get(1).done());
      assertEquals(1, s.records().get(2).lens().bestLayerStrict());
    }
  }

  @Test
  void aLineCutShortByACrashIsDroppedAndItsItemRunsAgain(@TempDir Path dir) throws IOException {
    try (ExperimentStore s = ExperimentStore.open(dir)) {
      s.put(ExperimentRecord.skipped("1", "cat", "x"));
    }
    Files.writeString(dir.resolve(ExperimentStore.FILE_NAME), "{\"key\": \"2\", \"sta",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (ExperimentStore s = ExperimentStore.open(dir)) {
      assertTrue(s.has("1"));
      assertFalse(s.has("2"));
      s.put(ExperimentRecord.skipped("2", "cat", "y"));
    }
    try (ExperimentStore s = ExperimentStore.open(dir)) {
      assertEquals(2, s.records().size());
      assertEquals(2, Files.readAllLines(s.file()).size());
    }
  }
}
