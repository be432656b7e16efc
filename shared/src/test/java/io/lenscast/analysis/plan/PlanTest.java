package io.lenscast.analysis.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.events.JobEvent;
import io.lenscast.events.JobEvent.ObjectAnnotation;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {
  @Test
  void ablationPlanDefaultsToBufferOneSeedZeroAndTheImagesOwnMean() {
    AblationPlan p = AblationPlan.of(new JobEvent.Ablation(List.of("object", "random_5"), null,
        null, null, null), 24, 24);
    assertEquals("object_b1", p.conditions().get(0).name());
    assertEquals(0, p.seed());
    assertEquals(AblationPlan.IMAGE_MEAN, p.replacement());
    assertTrue(p.needsObject());
    AblationPlan file = AblationPlan.of(new JobEvent.Ablation(List.of("ig_5"), 2, 9L, "m.npy",
        "mean"), 24, 24);
    assertEquals("mean", file.replacement());
    assertEquals(9L, file.seed());
    assertTrue(file.needsIntegratedGradients());
  }

  @Test
  void malformedAblationRequestsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> AblationPlan.of(
        new JobEvent.Ablation(List.of(), null, null, null, null), 24, 24));
    assertThrows(IllegalArgumentException.class, () -> AblationPlan.of(
        new JobEvent.Ablation(List.of("bogus"), null, null, null, null), 24, 24));
    assertThrows(IllegalArgumentException.class, () -> AblationPlan.of(
        new JobEvent.Ablation(List.of("none"), null, null, null, "half"), 24, 24));
    assertThrows(IllegalArgumentException.class, () -> AblationPlan.of(
        new JobEvent.Ablation(List.of("none"), null, null, "m.npy", "zero"), 24, 24));
  }

  @Test
  void knockoutPlanDefaultsToTheSixWindowsScaledToTheModel() {
    KnockoutPlan p = KnockoutPlan.of(new JobEvent.Knockout(List.of("image->last"), null), 4);
    assertEquals(6, p.windows().size());
    KnockoutPlan explicit = KnockoutPlan.of(new JobEvent.Knockout(List.of("object_b1->last"),
        List.of("1-2", "late")), 4);
    assertEquals(List.of(1, 2), List.of(explicit.windows().get(0).first(),
        explicit.windows().get(0).last()));
    assertTrue(explicit.needsObject());
    assertThrows(IllegalArgumentException.class, () -> KnockoutPlan.of(
        new JobEvent.Knockout(List.of("image->last"), List.of("0-9")), 4));
  }

  @Test
  void targetObjectIsTheOneLabelledWithTheClass() {
    ObjectAnnotation dog = new ObjectAnnotation("dog", new double[] {0, 0, 5, 5}, null);
    ObjectAnnotation cat = new ObjectAnnotation("cat", new double[] {1, 1, 5, 5}, null);
    JobEvent job = new JobEvent("lenscast.job", 1, "j", null, null, "polling", "cat", null,
        List.of(dog, cat), null, null, null, null, null);
    assertEquals("cat", TargetObject.of(job).label());
    JobEvent none = new JobEvent("lenscast.job", 1, "j", null, null, "polling", "cat", null,
        null, null, null, null, null, null);
    assertNull(TargetObject.of(none));
  }
}
