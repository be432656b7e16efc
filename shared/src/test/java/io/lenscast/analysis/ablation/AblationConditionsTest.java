package io.lenscast.analysis.ablation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.analysis.geometry.GridCells;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AblationConditionsTest {
  private static AblationCondition parse(String s) {
    return AblationConditions.parse(s, 1, 24, 24);
  }

  @Test
  void parsesEveryConditionToItsCanonicalName() {
    for (String name : new String[] {"none", "object_b0", "object_b2", "register", "random_40",
        "ig_250", "ig_bos_40", "cells:200-207,224-231"}) {
      assertEquals(name, parse(name).name());
    }
    assertEquals("object_b1", parse("object").name());
    assertEquals("cells:1-3,7", parse("cells:3,1,2,7").name());
  }

  @Test
  void rejectsMalformedConditionsWithAReason() {
    assertEquals("unknown ablation condition 'objects' (none, object_bB, register, random_N,"
        + " ig_N, ig_bos_N, cells:LIST)",
        assertThrows(IllegalArgumentException.class, () -> parse("objects")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> parse("random_0"));
    assertThrows(IllegalArgumentException.class, () -> parse("random_577"));
    assertThrows(IllegalArgumentException.class, () -> parse("ig_x"));
    assertThrows(IllegalArgumentException.class, () -> parse("cells:5-3"));
    assertThrows(IllegalArgumentException.class, () -> parse("cells:576"));
    assertThrows(IllegalArgumentException.class, () -> parse("cells:"));
  }

  @Test
  void goldenCellListIsTheEightByEightCentreBlock() {
    AblationCondition c = parse("cells:200-207,224-231,248-255,272-279,296-303,320-327,"
        + "344-351,368-375");
    GridCells cells = ((AblationCondition.ExplicitCells) c).cells();
    assertEquals(64, cells.size());
    for (int cell : cells.indices()) {
      assertTrue(cell / 24 >= 8 && cell / 24 <= 15 && cell % 24 >= 8 && cell % 24 <= 15);
    }
  }

  @Test
  void objectConditionDilatesTheObjectAndOffsetsPositionsByImageStart() {
    AblationTarget t = target(GridCells.of(24, 24, 26), 0);
    ResolvedAblation r = ConditionResolver.resolve(parse("object_b1"), t);
    assertArrayEquals(new int[] {1, 2, 3, 25, 26, 27, 49, 50, 51}, r.cells().indices());
    assertArrayEquals(new int[] {6, 7, 8, 30, 31, 32, 54, 55, 56}, r.positions());
    assertNull(r.seed());
  }

  @Test
  void objectConditionWithoutAnObjectFailsClearly() {
    AblationTarget t = target(null, 0);
    assertThrows(IllegalArgumentException.class,
        () -> ConditionResolver.resolve(parse("object_b0"), t));
  }

  @Test
  void randomCellsAreReproducibleForASeedAndRecordIt() {
    ResolvedAblation a = ConditionResolver.resolve(parse("random_40"), target(null, 7));
    ResolvedAblation b = ConditionResolver.resolve(parse("random_40"), target(null, 7));
    ResolvedAblation c = ConditionResolver.resolve(parse("random_40"), target(null, 8));
    assertEquals(40, a.cells().size());
    assertEquals(a.cells(), b.cells());
    assertEquals(7L, a.seed());
    assertTrue(!a.cells().equals(c.cells()));
    assertEquals(a.cells(), a.cells().union(RandomCells.sample(10, 7, 24, 24)));
  }

  @Test
  void randomCellsArePinnedAcrossVersions() {
    assertArrayEquals(RandomCells.sample(5, 0, 24, 24).indices(),
        RandomCells.sample(5, 0, 24, 24).indices());
    assertEquals(5, RandomCells.sample(5, 0, 24, 24).size());
  }

  @Test
  void registerSelectsNormsAboveMeanPlusTwoStd() {
    float[] norms = new float[576];
    java.util.Arrays.fill(norms, 10f);
    norms[3] = 100f;
    norms[400] = 90f;
    norms[5] = 11f;
    // mean ~ 10.3, unbiased std ~ 5.0: threshold ~ 20.4 -> cells 3 and 400
    assertArrayEquals(new int[] {3, 400}, RegisterTokens.select(norms, 24, 24).indices());
    float[] flat = new float[576];
    java.util.Arrays.fill(flat, 3f);
    assertEquals(0, RegisterTokens.select(flat, 24, 24).size());
  }

  @Test
  void registerThresholdUsesTheUnbiasedStd() {
    // 2x3 grid 1,1,1,1,2.9,0: mean 1.15; biased std 0.864 -> 2.877 would pick cell 4,
    // unbiased (torch.std) 0.946 -> 3.042 picks nothing
    float[] v = {1, 1, 1, 1, 2.9f, 0};
    assertEquals(0, RegisterTokens.select(v, 2, 3).size());
    v[4] = 8f; // threshold 7.93
    assertArrayEquals(new int[] {4}, RegisterTokens.select(v, 2, 3).indices());
  }

  @Test
  void integratedGradientsConditionTakesTheTopScoresAndComputesThemOnce() {
    double[] scores = new double[576];
    scores[10] = 5;
    scores[20] = 4;
    scores[30] = 4;
    scores[40] = 3;
    AtomicInteger calls = new AtomicInteger();
    AblationTarget t = new AblationTarget(24, 24, 5, null, 0, () -> new float[576], bos -> {
      calls.incrementAndGet();
      return bos ? new double[576] : scores;
    });
    assertArrayEquals(new int[] {10, 20, 30}, ConditionResolver.resolve(parse("ig_3"), t)
        .cells().indices());
    assertArrayEquals(new int[] {10}, ConditionResolver.resolve(parse("ig_1"), t)
        .cells().indices());
    assertEquals(1, calls.get());
    assertArrayEquals(new int[] {0, 1}, ConditionResolver.resolve(parse("ig_bos_2"), t)
        .cells().indices());
    assertEquals(2, calls.get());
  }

  private static AblationTarget target(GridCells object, long seed) {
    return new AblationTarget(24, 24, 5, object, seed, () -> new float[576],
        bos -> new double[576]);
  }
}
