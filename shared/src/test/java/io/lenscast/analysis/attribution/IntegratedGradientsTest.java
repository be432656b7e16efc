package io.lenscast.analysis.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class IntegratedGradientsTest {
  @Test
  void linearScoreGivesExactlyInputTimesWeight() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(new float[] {1, -2, 3, 0.5f, 4, -1}, new Shape(3, 2));
      NDArray x = m.create(new float[] {1, 1, 2, -1, 0, 3}, new Shape(3, 2));
      NDArray b = m.zeros(new Shape(3, 2));
      double[] s = IntegratedGradients.positionScores(m, x, b, in -> in.mul(w).sum(), 50);
      // |1*1| + |1*-2| = 3; |2*3| + |-1*0.5| = 6.5; |0*4| + |3*-1| = 3
      assertEquals(3.0, s[0], 1e-5);
      assertEquals(6.5, s[1], 1e-5);
      assertEquals(3.0, s[2], 1e-5);
    }
  }

  @Test
  void quadraticScoreMatchesTheRiemannSumOverLinspace() {
    // f = sum(x^2): grad at alpha = 2 (b + alpha d); with linspace(0, 1, n) the mean of alpha is
    // 1/2 exactly, so attribution = d * (2b + d) = x^2 - b^2 elementwise (completeness holds)
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {3, -1, 2, 2}, new Shape(2, 2));
      NDArray b = m.create(new float[] {1, 1, 0, 1}, new Shape(2, 2));
      double[] s = IntegratedGradients.positionScores(m, x, b, in -> in.square().sum(), 50);
      assertEquals(Math.abs(9 - 1) + Math.abs(1 - 1), s[0], 1e-4);
      assertEquals(Math.abs(4 - 0) + Math.abs(4 - 1), s[1], 1e-4);
    }
  }

  @Test
  void nonlinearScoreAgreesWithFiniteDifferencesOfTheIntegrand() {
    // f = sum(tanh(x) * c): IG_d = d * mean_alpha(c * (1 - tanh^2(b + alpha d)))
    float[] c = {0.7f, -1.3f, 2f};
    float[] x = {0.9f, -0.4f, 1.5f};
    float[] b = {0.1f, 0.2f, -0.3f};
    int steps = 50;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray cc = m.create(c, new Shape(1, 3));
      double[] s = IntegratedGradients.positionScores(m, m.create(x, new Shape(1, 3)),
          m.create(b, new Shape(1, 3)), in -> in.tanh().mul(cc).sum(), steps);
      double expected = 0;
      double h = 1e-4;
      for (int k = 0; k < 3; k++) {
        double mean = 0;
        for (int i = 0; i < steps; i++) {
          double at = b[k] + ((double) i / (steps - 1)) * (x[k] - b[k]);
          mean += c[k] * (Math.tanh(at + h) - Math.tanh(at - h)) / (2 * h);
        }
        expected += Math.abs((x[k] - b[k]) * mean / steps);
      }
      assertEquals(expected, s[0], 1e-4);
    }
  }

  @Test
  void aLeadingBatchAxisGivesOneScorePerPosition() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 2, 2));
      double[] s = IntegratedGradients.positionScores(m, x, m.zeros(new Shape(1, 2, 2)),
          NDArray::sum, 50);
      assertEquals(2, s.length);
      assertEquals(3.0, s[0], 1e-5);
      assertEquals(7.0, s[1], 1e-5);
    }
  }

  @Test
  void rejectsMismatchedShapesAndTooFewSteps() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.zeros(new Shape(2, 2));
      assertThrows(IllegalArgumentException.class, () -> IntegratedGradients.positionScores(m,
          x, m.zeros(new Shape(2, 3)), NDArray::sum, 50));
      assertThrows(IllegalArgumentException.class, () -> IntegratedGradients.positionScores(m,
          x, x, NDArray::sum, 1));
    }
  }
}
