package io.lenscast.analysis.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.lenscast.events.AblationEvent;
import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.lenscast.events.EventSink;
import io.lenscast.events.JobEvent;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.Schemas;
import io.lenscast.job.AnalysisStage;
import io.lenscast.job.JobContext;
import io.lenscast.job.LlavaJobProcessor;
import io.lenscast.job.ProcessorSettings;
import io.lenscast.model.ModelOptions;
import io.lenscast.model.RunSpec;
import io.lenscast.text.PromptRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The clean (un-intervened) outcome the ablation and knockout events carry comes from the job's
 * one baseline run, with or without the lens, for one-forward and generating tasks alike, and
 * is exactly (to the last bit of every probability) what a fresh plain run of the task gives,
 * which is what each stage used to compute for itself.
 */
class SharedCleanRunTest {
  private static final Path FIXTURES = Path.of("fixtures");
  private static final String P0 = "USER: <image>\nWhat is shown in this image? ASSISTANT:";
  private static final FreshCleanRun FRESH = new FreshCleanRun();
  private static LlavaJobProcessor processor;
  private static byte[] image;

  @BeforeAll
  static void load() throws IOException {
    processor = LlavaJobProcessor.open(FIXTURES.resolve("tiny-llava-a"), ModelOptions.cpu(),
        ProcessorSettings.defaults(), List.of(new AblationStage(), new KnockoutStage(), FRESH));
    image = Files.readAllBytes(FIXTURES.resolve("images/img0_shapes_500x375.png"));
  }

  @AfterAll
  static void close() {
    processor.close();
  }

  @ParameterizedTest
  @CsvSource({"prompt, true, 0", "prompt, false, 0", "polling, true, 0", "polling, false, 0",
      "describe, false, 3", "vqa, true, 0", "prompt, false, 4"})
  void stagesCompareWithTheBaselineRunWhichEqualsAFreshPlainRun(String task, boolean lens,
      int generate) throws Exception {
    JobEvent job = new JobEvent(Schemas.JOB, 1, "clean-" + task, null,
        task.equals("prompt") ? P0 : null, task.equals("prompt") ? null : task, "circle",
        task.equals("vqa") ? "What shape is in the image?" : null, null,
        new JobEvent.Analyses(lens ? new JobEvent.LogitLens(7) : null,
            new JobEvent.Ablation(List.of("cells:0-40", "random_3"), null, 0L, null, "zero"),
            new JobEvent.Knockout(List.of("image->last"), List.of("1-2")),
            generate == 0 ? null : new JobEvent.Generate(generate)),
        null, null, null, null);
    List<Event> events = new ArrayList<>();
    FRESH.fresh = null;
    processor.process(job, image, events::add);
    assertNotNull(FRESH.fresh, "the probe stage ran");
    assertEquals(FRESH.fresh, FRESH.shared);
    List<AblationEvent> ablations = events.stream().filter(AblationEvent.class::isInstance)
        .map(AblationEvent.class::cast).toList();
    KnockoutEvent knockout = events.stream().filter(KnockoutEvent.class::isInstance)
        .map(KnockoutEvent.class::cast).findFirst().orElseThrow();
    assertEquals(2, ablations.size());
    for (AblationEvent a : ablations) {
      assertEquals(FRESH.fresh, EventCodec.toJson(a.baseline()));
    }
    assertEquals(FRESH.fresh, EventCodec.toJson(knockout.baseline()));
  }

  /** Runs the task plainly once more, as the stages used to, next to the shared clean run. */
  static final class FreshCleanRun implements AnalysisStage {
    String fresh;
    String shared;

    @Override
    public String name() {
      return "fresh";
    }

    @Override
    public boolean appliesTo(JobEvent job) {
      return true;
    }

    @Override
    public void run(JobContext context, EventSink sink) {
      try {
        TaskOutcomes outcomes = new TaskOutcomes(context);
        fresh = EventCodec.toJson(outcomes.run(RunSpec.plain()));
        shared = EventCodec.toJson(outcomes.clean());
      } catch (PromptRejectedException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
