package io.lenscast.analysis.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.analysis.lens.LensScore;
import io.lenscast.events.AblationEvent;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.Outcome;
import io.lenscast.events.Schemas;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void wilsonIntervalMatchesKnownValues() {
    assertEquals(0.0, WilsonInterval.of(0, 10).low(), 1e-12);
    assertEquals(0.27753, WilsonInterval.of(0, 10).high(), 1e-5);
    assertEquals(0.23659, WilsonInterval.of(5, 10).low(), 1e-5);
    assertEquals(0.76341, WilsonInterval.of(5, 10).high(), 1e-5);
    assertEquals(0.72247, WilsonInterval.of(10, 10).low(), 1e-5);
    assertEquals(1.0, WilsonInterval.of(10, 10).high(), 1e-12);
    assertEquals(0.57451, WilsonInterval.of(33, 46).low(), 1e-5);
    assertEquals(new WilsonInterval(0, 1), WilsonInterval.of(0, 0));
  }

  @Test
  void ablationShareCountsOnlyBaselineCorrectItemsThatBreak() {
    AblationMetrics m = new AblationMetrics();
    m.add(ablation("j1", "object_b1", true, false));
    m.add(ablation("j2", "object_b1", true, true));
    m.add(ablation("j3", "object_b1", false, false));
    m.add(ablation("j4", "object_b1", true, false));
    m.add(ablation("j1", "random_40", true, true));
    List<AblationRow> rows = m.snapshot();
    AblationRow obj = rows.get(0);
    assertEquals("object_b1", obj.condition());
    assertEquals("corrected", obj.scoring());
    assertEquals(4, obj.items());
    assertEquals(3, obj.baselineCorrect());
    assertEquals(2, obj.becameIncorrect());
    assertEquals(2.0 / 3, obj.share(), 1e-12);
    assertEquals(WilsonInterval.of(2, 3), obj.interval());
    assertEquals(0.0, rows.stream().filter(r -> r.condition().equals("random_40")).findFirst()
        .orElseThrow().share());
  }

  @Test
  void aRedeliveredEventReplacesItsEarlierCopy() {
    AblationMetrics m = new AblationMetrics();
    m.add(ablation("j1", "object_b1", true, true));
    m.add(ablation("j1", "object_b1", true, false));
    assertEquals(1, m.snapshot().get(0).items());
    assertEquals(1, m.snapshot().get(0).becameIncorrect());
  }

  @Test
  void referenceScoringIsReportedSeparatelyAndUnscoredEventsAreSkipped() {
    AblationMetrics m = new AblationMetrics();
    Outcome baseline = new Outcome("", 2, false, true, 0.9, 0.1, null);
    Outcome ablated = new Outcome("", 2, false, true, 0.9, 0.1, null);
    m.add(new AblationEvent(Schemas.ABLATION, 1, "j1", "object_b1", "vqa", new int[0], null,
        "mean", null, null, baseline, ablated));
    Outcome unscored = new Outcome("x", 5, null, null, 0.5, null, null);
    m.add(new AblationEvent(Schemas.ABLATION, 1, "j2", "object_b2", "vqa", new int[0], null,
        "mean", null, null, unscored, unscored));
    List<AblationRow> rows = m.snapshot();
    assertEquals(2, rows.size());
    assertEquals(0, rows.get(0).baselineCorrect());
    assertEquals("reference", rows.get(1).scoring());
    assertEquals(1, rows.get(1).baselineCorrect());
    assertTrue(MetricsTables.ablation(rows).contains("object_b1"));
  }

  @Test
  void knockoutRelativeAccuracyAndProbabilityChangeOverBaselineCorrectItems() {
    KnockoutMetrics m = new KnockoutMetrics();
    m.add(knockout("j1", true, 0.8, true, 0.6));
    m.add(knockout("j2", true, 0.5, false, 0.1));
    m.add(knockout("j3", false, 0.2, true, 0.9));
    KnockoutRow r = m.snapshot().get(0);
    assertEquals("object_b1->last", r.edgeSet());
    assertEquals("mid-late", r.window());
    assertEquals(15, r.firstLayer());
    assertEquals(24, r.lastLayer());
    assertEquals(3, r.items());
    assertEquals(2, r.baselineCorrect());
    assertEquals(1, r.knockedCorrect());
    assertEquals(0.5, r.relativeAccuracy());
    assertEquals(-0.3, r.meanProbChange(), 1e-12);
    assertTrue(MetricsTables.knockout(m.snapshot()).contains("15-24"));
  }

  @Test
  void lensSummaryAveragesBestSharesAndBestLayersOfImagesWithAMatch() {
    LensMetrics m = new LensMetrics();
    m.add("a", new LensScore(4, new double[] {0, 0.25, 0.5}, new double[] {0, 0.5, 0.5}, 2,
        0.5, 1, 0.5));
    m.add("b", new LensScore(2, new double[] {0, 0, 0}, new double[] {0, 0, 1}, null, 0, 2, 1));
    LensSummary s = m.snapshot();
    assertEquals(2, s.images());
    assertEquals(3, s.numLayers());
    assertEquals(0.25, s.meanBestShareStrict());
    assertEquals(2.0, s.meanBestLayerStrict());
    assertEquals(1, s.imagesWithStrictMatch());
    assertEquals(0.75, s.meanBestShareLenient());
    assertEquals(1.5, s.meanBestLayerLenient());
    assertEquals(0.125, s.meanCurveStrict()[1]);
    assertTrue(MetricsTables.lens(s).contains("best layer 2.0 of 3"));
    assertNull(new LensMetrics().snapshot().meanBestLayerStrict());
  }

  private static AblationEvent ablation(String job, String condition, boolean before,
      boolean after) {
    return new AblationEvent(Schemas.ABLATION, 1, job, condition, "describe", new int[] {6},
        new int[] {1}, "mean", "abc", null, outcome(before, null), outcome(after, null));
  }

  private static KnockoutEvent knockout(String job, boolean before, double p0, boolean after,
      double p1) {
    return new KnockoutEvent(Schemas.KNOCKOUT, 1, job, "object_b1->last", new int[] {15, 24},
        "mid-late", "vqa", 1, 9, outcome(before, p0), outcome(after, p1));
  }

  private static Outcome outcome(boolean correct, Double correctProb) {
    return new Outcome("a", 1, correct, correct, 0.5, correctProb, null);
  }
}
