package io.lenscast.analysis.attribution;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.function.Function;

/**
 * Integrated gradients as the paper computes them ({@code integrated_gradients} in the
 * reference): for {@code alpha} in {@code linspace(0, 1, steps)} (both ends included) the
 * gradient of a scalar score at {@code baseline + alpha * (input - baseline)} is summed, and the
 * attribution is {@code (input - baseline) * sum / steps}. A position's importance is the sum of
 * the absolute attributions over the hidden dimension. Generic over the score, so it is tested
 * on functions with known gradients and used on the model's "Yes" logit.
 */
public final class IntegratedGradients {
  public static final int PAPER_STEPS = 50;

  private IntegratedGradients() {}

  /**
   * @param input [..., T, D] float32 (a leading batch axis of 1 is fine)
   * @param baseline same shape as input
   * @param score maps an input (requiring gradients) to a scalar NDArray
   * @return per-position importance {@code sum_d |attribution[t, d]|}, length T (times any
   *     leading axes)
   */
  public static double[] positionScores(NDManager manager, NDArray input, NDArray baseline,
      Function<NDArray, NDArray> score, int steps) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray attribution = attribution(scope, input, baseline, score, steps);  // [.., T, D]
      float[] perPosition = attribution.abs().sum(new int[] {-1}).toFloatArray();  // [.., T]
      double[] out = new double[perPosition.length];
      for (int t = 0; t < out.length; t++) {
        out[t] = perPosition[t];
      }
      return out;
    }
  }

  /**
   * The signed attribution {@code (input - baseline) * mean_alpha grad(score)}, same shape as
   * the input, in {@code manager}. Its sum approximates {@code score(input) - score(baseline)}.
   */
  public static NDArray attribution(NDManager manager, NDArray input, NDArray baseline,
      Function<NDArray, NDArray> score, int steps) {
    if (steps < 2) {
      throw new IllegalArgumentException("integrated gradients need >= 2 steps, got " + steps);
    }
    if (!input.getShape().equals(baseline.getShape())) {
      throw new IllegalArgumentException("input " + input.getShape() + " and baseline "
          + baseline.getShape() + " differ in shape");
    }
    NDArray diff = input.sub(baseline);  // [.., T, D]
    diff.attach(manager);
    NDArray sum = manager.zeros(input.getShape(), input.getDataType());  // [.., T, D]
    for (int i = 0; i < steps; i++) {
      double alpha = (double) i / (steps - 1);
      try (NDManager step = manager.newSubManager()) {
        NDArray x = baseline.add(diff.mul((float) alpha));  // [.., T, D]
        x.attach(step);
        x.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray y = score.apply(x);  // scalar
          collector.backward(y);
        }
        sum.addi(x.getGradient());
      }
    }
    NDArray out = diff.mul(sum).div(steps);  // [.., T, D]
    out.attach(manager);
    return out;
  }
}
