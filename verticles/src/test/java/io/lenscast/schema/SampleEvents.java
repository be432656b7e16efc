package io.lenscast.schema;

import io.lenscast.events.AblationEvent;
import io.lenscast.events.Event;
import io.lenscast.events.JobEvent;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.LayerTopK;
import io.lenscast.events.Outcome;
import io.lenscast.events.ResultEvent;
import io.lenscast.events.Schemas;
import io.lenscast.events.StatusEvent;
import io.lenscast.events.TopK;
import java.util.List;
import java.util.Map;

/** One event of every type, filled the way the worker and processor fill them. */
public final class SampleEvents {
  private SampleEvents() {}

  public static List<Event> all() {
    TopK topk = new TopK(new int[] {5, 7}, new float[] {0.6f, 0.2f});
    Outcome classOutcome = new Outcome("Yes", 3869, true, true, 0.8, 0.8, topk);
    Outcome generative = new Outcome("a cat", new int[] {263, 6635}, null, null, 0.4, null, topk);
    return List.of(
        new JobEvent(Schemas.JOB, 1, "job-1", new JobEvent.ImageRef("aGVsbG8=", null, "x.png"),
            null, "polling", "cat", null,
            List.of(new JobEvent.ObjectAnnotation("cat", new double[] {1, 2, 30, 40},
                List.of(new double[] {1, 2, 3, 4, 5, 6}))),
            new JobEvent.Analyses(new JobEvent.LogitLens(5),
                new JobEvent.Ablation(List.of("object_b1", "random_10"), 1, 0L, null, "mean"),
                new JobEvent.Knockout(List.of("object_b1->last"), List.of("early")),
                new JobEvent.Generate(8)), "demo", "exp", "tag", 1L),
        LayerEvent.of("job-1", 0, 3, 5, new int[] {24, 24}, new int[] {5, 6, 600},
            new LayerTopK(new int[][] {{1, 2}, {3, 4}, {5, 6}},
                new String[][] {{"a", "b"}, {"c", "d"}, {"e", "f"}},
                new float[][] {{0.5f, 0.1f}, {0.4f, 0.3f}, {0.9f, 0.01f}})),
        new AblationEvent(Schemas.ABLATION, 1, "job-1", "object_b1", "polling",
            new int[] {10, 11}, new int[] {5, 6}, "mean", "ab12", 0L, classOutcome, classOutcome),
        new KnockoutEvent(Schemas.KNOCKOUT, 1, "job-1", "object_b1->last", new int[] {0, 3},
            "early", "describe", 1, 12, generative, generative),
        new ResultEvent(Schemas.RESULT, 1, "job-1",
            new ResultEvent.ModelInfo("demo", null, "ff00", "float32", "cpu"),
            new int[] {1, 2, 3}, 5, topk, new ResultEvent.Generated(new int[] {4}, "x"),
            Map.of("model", 12.5), new ResultEvent.Provenance("0.1.0", 0L, "w1")),
        StatusEvent.of("job-1", StatusEvent.ACCEPTED, null, null, "w1"),
        StatusEvent.of("job-1", StatusEvent.RUNNING, new StatusEvent.Progress(1, 3), null, "w1"),
        StatusEvent.of("job-1", StatusEvent.FAILED, null,
            new StatusEvent.Error("bad_image", "not an image"), "w1"));
  }
}
