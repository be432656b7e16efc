package io.lenscast.analysis.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.events.AblationEvent;
import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.lenscast.events.EventSink;
import io.lenscast.events.JobEvent;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.ResultEvent;
import io.lenscast.events.Schemas;
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
import org.junit.jupiter.api.Test;

/**
 * Jobs whose {@code analyses} leave out {@code logitLens} (ablation or knockout only, as
 * {@code experiment} and {@code publish --coco} send them) do no lens work: no layer events, no
 * lens time, and exactly the analysis events the same job gets with the lens. Their progress
 * counts runs instead of layers. A job that asks for nothing in particular keeps the lens.
 */
class LensFreeJobsTest {
  private static final Path FIXTURES = Path.of("fixtures");
  private static final String P0 = "USER: <image>\nWhat is shown in this image? ASSISTANT:";
  private static final String CELLS = "cells:200-207,224-231,248-255,272-279,296-303,320-327,"
      + "344-351,368-375";
  private static final String MEAN = FIXTURES.resolve(
      "golden/tiny-llava-a__img0__p0__ablation_mean_vector.npy").toString();
  private static LlavaJobProcessor processor;
  private static byte[] image;

  @BeforeAll
  static void load() throws IOException {
    processor = LlavaJobProcessor.open(FIXTURES.resolve("tiny-llava-a"), ModelOptions.cpu(),
        ProcessorSettings.defaults(), AnalysisStages.all());
    image = Files.readAllBytes(FIXTURES.resolve("images/img0_shapes_500x375.png"));
  }

  @AfterAll
  static void close() {
    processor.close();
  }

  @Test
  void anAblationAndKnockoutJobWithoutTheLensEmitsNoLayersAndTheSameOutcomesAsWithIt()
      throws Exception {
    Recorded withLens = run(job(new JobEvent.LogitLens(5), null));
    Recorded without = run(job(null, null));
    assertEquals(5, only(withLens.events, LayerEvent.class).size());
    assertEquals(List.of(), only(without.events, LayerEvent.class));
    assertEquals(json(withLens.events, AblationEvent.class),
        json(without.events, AblationEvent.class));
    assertEquals(json(withLens.events, KnockoutEvent.class),
        json(without.events, KnockoutEvent.class));
    assertEquals(3, only(without.events, AblationEvent.class).size());
    assertEquals(2, only(without.events, KnockoutEvent.class).size());
    ResultEvent with = only(withLens.events, ResultEvent.class).get(0);
    ResultEvent lensFree = only(without.events, ResultEvent.class).get(0);
    assertEquals(EventCodec.toJson(with.lastTopK()), EventCodec.toJson(lensFree.lastTopK()));
    assertTrue(with.timings().containsKey("lens"), with.timings().toString());
    assertFalse(lensFree.timings().containsKey("lens"), lensFree.timings().toString());
  }

  @Test
  void aJobWithoutTheLensReportsOneProgressStepPerRunUpToTheTotal() throws Exception {
    Recorded lensFree = run(job(null, null));
    // the baseline run, 3 ablation conditions, 1 edge set x 2 windows
    List<String> want = new ArrayList<>();
    for (int done = 1; done <= 6; done++) {
      want.add(done + "/6");
    }
    assertEquals(want, lensFree.progress);
    assertEquals(List.of(), run(job(new JobEvent.LogitLens(5), null)).progress);
  }

  @Test
  void aGenerationOnlyJobSkipsTheLensButAJobAskingForNothingKeepsIt() throws Exception {
    Recorded generateOnly = run(new JobEvent(Schemas.JOB, 1, "gen", null, P0, null, null, null,
        null, new JobEvent.Analyses(null, null, null, new JobEvent.Generate(3)), null, null,
        null, null));
    assertEquals(List.of(), only(generateOnly.events, LayerEvent.class));
    assertEquals(3, only(generateOnly.events, ResultEvent.class).get(0).generated().ids().length);
    assertEquals(List.of("1/1"), generateOnly.progress);
    for (JobEvent.Analyses plain : new JobEvent.Analyses[] {
        null, new JobEvent.Analyses(null, null, null, null)}) {
      Recorded r = run(new JobEvent(Schemas.JOB, 1, "plain", null, P0, null, null, null, null,
          plain, null, null, null, null));
      assertEquals(5, only(r.events, LayerEvent.class).size());
    }
  }

  private static JobEvent job(JobEvent.LogitLens lens, JobEvent.Generate generate) {
    return new JobEvent(Schemas.JOB, 1, "lens-free", null, P0, null, "circle", null, null,
        new JobEvent.Analyses(lens,
            new JobEvent.Ablation(List.of(CELLS, "random_5", "none"), null, 0L, MEAN, "mean"),
            new JobEvent.Knockout(List.of("image->last"), List.of("1-2", "0-3")), generate),
        null, null, null, null);
  }

  private record Recorded(List<Event> events, List<String> progress) {}

  private static Recorded run(JobEvent job) throws Exception {
    List<Event> events = new ArrayList<>();
    List<String> progress = new ArrayList<>();
    processor.process(job, image, new EventSink() {
      @Override
      public void emit(Event event) {
        events.add(event);
      }

      @Override
      public void progress(String jobId, int done, int total) {
        progress.add(done + "/" + total);
      }
    });
    return new Recorded(events, progress);
  }

  private static <T> List<T> only(List<Event> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static List<String> json(List<Event> events, Class<? extends Event> type) {
    return only(events, type).stream().map(e -> EventCodec.toJson((Event) e)).toList();
  }
}
