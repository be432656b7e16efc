package io.lenscast.model.llama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.lenscast.model.config.RopeScaling;
import io.lenscast.model.config.RopeScaling.Type;
import io.lenscast.model.testing.ReferenceRope;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The inverse frequencies of each rope_scaling type match a float64 scalar transcription of
 * transformers' formulas, and parameters that change nothing give the default tables bit for bit.
 */
class RopeScalingTest {
  private static final int[] HEAD_DIMS = {6, 64, 128};
  private static final double[] THETAS = {10000.0, 500000.0};
  private static final int MAX_POSITIONS = 2048;

  @Test
  void linearFrequenciesAreTheDefaultOnesDividedByTheFactor() {
    for (double factor : new double[] {1.0, 2.0, 4.0, 8.5}) {
      RopeScaling s = new RopeScaling(Type.LINEAR, factor, 0, 0, 0);
      forEachShape((hd, theta) -> assertMatches("linear " + factor, s,
          ReferenceRope.linear(theta, factor), hd, theta, 100));
    }
  }

  @Test
  void dynamicFrequenciesGrowTheBaseOnlyBeyondMaxPositionEmbeddings() {
    for (double factor : new double[] {2.0, 4.0}) {
      RopeScaling s = new RopeScaling(Type.DYNAMIC, factor, 0, 0, 0);
      for (int seqLen : new int[] {10, MAX_POSITIONS, MAX_POSITIONS + 1, 3 * MAX_POSITIONS}) {
        forEachShape((hd, theta) -> assertMatches("dynamic " + factor + " at " + seqLen, s,
            ReferenceRope.dynamic(theta, factor, MAX_POSITIONS), hd, theta, seqLen));
      }
    }
  }

  @Test
  void llama3FrequenciesKeepHighScaleLowAndBlendTheMiddleBand() {
    double[][] params = {{8.0, 1.0, 4.0, 8192}, {32.0, 1.0, 4.0, 8192}, {4.0, 2.0, 16.0, 1000}};
    for (double[] p : params) {
      RopeScaling s = new RopeScaling(Type.LLAMA3, p[0], p[1], p[2], (int) p[3]);
      forEachShape((hd, theta) -> assertMatches("llama3 " + Arrays.toString(p), s,
          ReferenceRope.llama3(theta, p[0], p[1], p[2], (int) p[3]), hd, theta, 100));
    }
  }

  @Test
  void llama3ParametersCoverAllThreeBandsForTheLlama31Shape() {
    ReferenceRope ref = ReferenceRope.llama3(500000.0, 8.0, 1.0, 4.0, 8192);
    ReferenceRope plain = ReferenceRope.plain(500000.0);
    double[] scaled = ref.inverseFrequencies(128, 1);
    double[] unscaled = plain.inverseFrequencies(128, 1);
    boolean kept = false;
    boolean divided = false;
    boolean blended = false;
    for (int i = 0; i < scaled.length; i++) {
      double ratio = unscaled[i] / scaled[i];
      kept |= ratio == 1.0;
      divided |= Math.abs(ratio - 8.0) < 1e-12;
      blended |= ratio > 1.0 + 1e-6 && ratio < 8.0 - 1e-6;
    }
    assertTrue(kept && divided && blended, "each band is exercised: kept " + kept
        + ", divided " + divided + ", blended " + blended);
  }

  @Test
  void linearFactorOneEqualsTheDefaultBitForBit() {
    assertSameTables(new RopeScaling(Type.LINEAR, 1.0, 0, 0, 0), 37);
  }

  @Test
  void llama3WithEveryWavelengthInTheHighBandEqualsTheDefaultBitForBit() {
    // original / high = 2.5e7 exceeds 2 pi theta^(1 - 2/hd) for theta <= 500000: nothing scaled
    assertSameTables(new RopeScaling(Type.LLAMA3, 8.0, 1.0, 4.0, 100_000_000), 37);
  }

  @Test
  void dynamicEqualsTheDefaultBitForBitWithinMaxPositionEmbeddings() {
    assertSameTables(new RopeScaling(Type.DYNAMIC, 4.0, 0, 0, 0), 37);
    assertSameTables(new RopeScaling(Type.DYNAMIC, 4.0, 0, 0, 0), MAX_POSITIONS);
    try (NDManager m = NDManager.newBaseManager()) {
      Rope dynamic = new Rope(64, 10000.0, new RopeScaling(Type.DYNAMIC, 4.0, 0, 0, 0),
          MAX_POSITIONS);
      Rope plain = new Rope(64, 10000.0, RopeScaling.NONE, MAX_POSITIONS);
      assertFalse(Arrays.equals(plain.angles(m, MAX_POSITIONS, 1, DataType.FLOAT32)
              .cos().toFloatArray(), dynamic.angles(m, MAX_POSITIONS, 1, DataType.FLOAT32)
              .cos().toFloatArray()), "one position past the limit the base grows");
    }
  }

  private interface ShapeCheck {
    void check(int headDim, double theta);
  }

  private static void forEachShape(ShapeCheck check) {
    for (int hd : HEAD_DIMS) {
      for (double theta : THETAS) {
        check.check(hd, theta);
      }
    }
  }

  private static void assertMatches(String what, RopeScaling scaling, ReferenceRope ref, int hd,
      double theta, int seqLen) {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] actual = new Rope(hd, theta, scaling, MAX_POSITIONS)
          .inverseFrequencies(m, seqLen).toFloatArray();
      double[] expected = ref.inverseFrequencies(hd, seqLen);
      assertTrue(actual.length == expected.length, what + ": length");
      for (int i = 0; i < expected.length; i++) {
        double rel = Math.abs(actual[i] - expected[i]) / expected[i];
        assertTrue(rel < 2e-6, what + " hd " + hd + " theta " + theta + " seq " + seqLen
            + " i " + i + ": " + actual[i] + " vs " + expected[i]);
      }
    }
  }

  private static void assertSameTables(RopeScaling scaling, int length) {
    for (int hd : HEAD_DIMS) {
      for (double theta : THETAS) {
        try (NDManager m = NDManager.newBaseManager()) {
          Rope.Angles plain = new Rope(hd, theta, RopeScaling.NONE, MAX_POSITIONS)
              .angles(m, 0, length, DataType.FLOAT32);
          Rope.Angles scaled = new Rope(hd, theta, scaling, MAX_POSITIONS)
              .angles(m, 0, length, DataType.FLOAT32);
          assertArrayEquals(plain.cos().toFloatArray(), scaled.cos().toFloatArray());
          assertArrayEquals(plain.sin().toFloatArray(), scaled.sin().toFloatArray());
        }
      }
    }
  }
}
