package io.lenscast.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.events.AblationEvent;
import io.lenscast.events.JobEvent;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.Outcome;
import io.lenscast.events.ResultEvent;
import io.lenscast.events.Schemas;
import io.lenscast.events.TopK;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentAggregatesTest {
  private static final TopK TOPK = new TopK(new int[] {1}, new float[] {1f});

  private static JobEvent job(String id, String experiment, String tag) {
    return new JobEvent(Schemas.JOB, 1, id, null, null, "polling", "cat", null, null, null,
        null, experiment, tag, null);
  }

  private static Outcome outcome(Boolean correct) {
    return new Outcome("Yes", 1, correct, correct, 0.9, 0.9, TOPK);
  }

  private static AblationEvent ablation(String id, String condition, boolean base,
      boolean ablated) {
    return new AblationEvent(Schemas.ABLATION, 1, id, condition, "polling", new int[] {1},
        null, "mean", null, 0L, outcome(base), outcome(ablated));
  }

  private static ResultEvent result(String id) {
    return new ResultEvent(Schemas.RESULT, 1, id, null, new int[] {1}, 0, TOPK, null, Map.of(),
        null);
  }

  @Test
  void accuracyDropIsCountedPerConditionWithinEachExperiment() {
    ExperimentAggregates agg = new ExperimentAggregates(PaperMetrics::new);
    agg.accept(job("j1", "exp", "a"));
    agg.accept(job("j2", "exp", "a"));
    agg.accept(job("j3", "other", null));
    agg.accept(ablation("j1", "object_b1", true, false));
    agg.accept(ablation("j2", "object_b1", true, true));
    agg.accept(ablation("j3", "object_b1", false, false));
    agg.accept(result("j1"));
    agg.accept(result("j2"));
    Map<String, ExperimentAggregates.Aggregate> all = agg.all();
    var a = all.get("exp/a");
    assertEquals(2, a.jobs());
    Map<String, Object> row = a.rows().get(0);
    assertEquals("ablation", row.get("kind"));
    assertEquals("object_b1", row.get("condition"));
    assertEquals(2, row.get("items"));
    assertEquals(2, row.get("baselineCorrect"));
    assertEquals(1, row.get("becameIncorrect"));
    assertEquals(0.5, row.get("share"));
    assertEquals(0, all.get("other/default").rows().get(0).get("baselineCorrect"));
  }

  @Test
  void redeliveredEventsCountOnce() {
    ExperimentAggregates agg = new ExperimentAggregates(PaperMetrics::new);
    agg.accept(job("j1", "exp", "a"));
    agg.accept(ablation("j1", "register", true, false));
    agg.accept(ablation("j1", "register", true, false));
    agg.accept(result("j1"));
    agg.accept(result("j1"));
    var a = agg.all().get("exp/a");
    assertEquals(1, a.jobs());
    assertEquals(1, a.rows().get(0).get("items"));
  }

  @Test
  void outputsArrivingBeforeTheirJobWaitForIt() {
    ExperimentAggregates agg = new ExperimentAggregates(PaperMetrics::new);
    agg.accept(ablation("j1", "none", true, true));
    assertTrue(agg.drainChanged().isEmpty());
    agg.accept(job("j1", "late", "t"));
    var changed = agg.drainChanged();
    assertEquals(1, changed.get("late/t").rows().get(0).get("items"));
    assertTrue(agg.drainChanged().isEmpty(), "marks reset after a drain");
  }

  @Test
  void knockoutsAreGroupedByEdgeSetAndWindow() {
    ExperimentAggregates agg = new ExperimentAggregates(PaperMetrics::new);
    agg.accept(job("j1", "e", "t"));
    agg.accept(new KnockoutEvent(Schemas.KNOCKOUT, 1, "j1", "image->last", new int[] {0, 3},
        "early", "polling", 1, 576, outcome(true), outcome(false)));
    agg.accept(new KnockoutEvent(Schemas.KNOCKOUT, 1, "j1", "image->last", new int[] {4, 7},
        "late", "polling", 1, 576, outcome(true), outcome(true)));
    var rows = agg.all().get("e/t").rows().stream()
        .filter(r -> "corrected".equals(r.get("scoring"))).toList();
    assertEquals(2, rows.size(), rows.toString());
    assertEquals("knockout", rows.get(0).get("kind"));
    assertEquals("early", rows.get(0).get("window"));
    assertEquals(0.0, rows.get(0).get("relativeAccuracy"));
    assertEquals(1.0, rows.get(1).get("relativeAccuracy"));
  }
}
