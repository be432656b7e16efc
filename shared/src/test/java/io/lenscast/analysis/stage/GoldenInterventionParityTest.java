package io.lenscast.analysis.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.events.AblationEvent;
import io.lenscast.events.Event;
import io.lenscast.events.JobEvent;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.TopK;
import io.lenscast.io.Npy;
import io.lenscast.job.LlavaJobProcessor;
import io.lenscast.job.ProcessorSettings;
import io.lenscast.model.ModelOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The golden proof of issue 3: through the job processor with the ablation and knockout stages,
 * the tiny fixture model's last-position distribution under the fixture's mean ablation (grid
 * rows/cols 8..15, the recorded mean vector) and knockout (image -> last, layers 1-2) matches
 * transformers' logits (softmax of the golden logits) to 1e-4 relative, over the top 100. One
 * record per image (the six all pass; three keep the suite quick).
 */
class GoldenInterventionParityTest {
  private static final Path FIXTURES = Path.of("fixtures");
  private static final String CELLS = "cells:200-207,224-231,248-255,272-279,296-303,320-327,"
      + "344-351,368-375";
  private static LlavaJobProcessor processor;
  private static JsonNode manifest;

  @BeforeAll
  static void load() throws IOException {
    processor = LlavaJobProcessor.open(FIXTURES.resolve("tiny-llava-a"), ModelOptions.cpu(),
        ProcessorSettings.defaults(), List.of(new AblationStage(), new KnockoutStage()));
    manifest = new ObjectMapper().readTree(FIXTURES.resolve("golden/manifest.json").toFile());
  }

  @AfterAll
  static void close() {
    processor.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"img0__p0", "img1__p1", "img2__p0"})
  void ablationAndKnockoutMatchTransformers(String name) throws Exception {
    String key = "tiny-llava-a__" + name;
    JsonNode record = manifest.path("records").path(key);
    JsonNode image = manifest.path("images").path(record.path("image").asText());
    String prompt = promptText(record.path("prompt").asText());
    Path meanVector = FIXTURES.resolve("golden").resolve(record.path("ablation_mean_vector")
        .asText());
    JobEvent job = new JobEvent("lenscast.job", 1, "golden-" + name, null, prompt, null, null,
        null, null, new JobEvent.Analyses(new JobEvent.LogitLens(100),
        new JobEvent.Ablation(List.of(CELLS), null, null, meanVector.toString(), "mean"),
        new JobEvent.Knockout(List.of("image->last"), List.of("1-2")), null),
        null, null, null, null);
    List<Event> events = new ArrayList<>();
    processor.process(job, Files.readAllBytes(FIXTURES.resolve(image.path("file").asText())),
        events::add);
    AblationEvent ablation = events.stream().filter(AblationEvent.class::isInstance)
        .map(AblationEvent.class::cast).findFirst().orElseThrow();
    KnockoutEvent knockout = events.stream().filter(KnockoutEvent.class::isInstance)
        .map(KnockoutEvent.class::cast).findFirst().orElseThrow();
    assertEquals(64, ablation.positions().length);
    assertEquals(5 + 200, ablation.positions()[0]);
    assertEquals(576, knockout.blockedKeys());
    assertMatches(ablation.ablated().topk(), golden(record, "ablation_logits_last"));
    assertMatches(knockout.knocked().topk(), golden(record, "knockout_logits_last"));
    assertMatches(ablation.baseline().topk(), golden(record, "logits_last"));
  }

  private static String promptText(String id) {
    return id.equals("p0") ? "USER: <image>\nWhat is shown in this image? ASSISTANT:"
        : "USER: <image>\nIs there a red circle in the image? Answer yes or no. ASSISTANT:";
  }

  private static float[] golden(JsonNode record, String field) throws IOException {
    return Npy.read(FIXTURES.resolve("golden").resolve(record.path(field).asText())).toFloats();
  }

  private static void assertMatches(TopK topk, float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    for (float l : logits) {
      sum += Math.exp(l - max);
    }
    assertEquals(100, topk.ids().length);
    for (int j = 0; j < topk.ids().length; j++) {
      double expected = Math.exp(logits[topk.ids()[j]] - max) / sum;
      double rel = Math.abs(topk.probs()[j] - expected) / expected;
      assertTrue(rel < 1e-4, "rank " + j + " id " + topk.ids()[j] + ": " + topk.probs()[j]
          + " vs " + expected);
    }
  }
}
