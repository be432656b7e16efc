package io.lenscast.analysis.ablation;

import io.lenscast.analysis.geometry.GridCells;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The {@code n} cells with the highest scores (integrated-gradients attributions), ties broken
 * by the lower index so the choice is deterministic.
 */
public final class TopCells {
  private TopCells() {}

  public static GridCells top(double[] scores, int n, int rows, int cols) {
    if (scores.length != rows * cols) {
      throw new IllegalArgumentException("need " + rows * cols + " scores, got "
          + scores.length);
    }
    int[] best = IntStream.range(0, scores.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i])
            .thenComparingInt(Integer::intValue))
        .limit(n).mapToInt(Integer::intValue).toArray();
    return GridCells.of(rows, cols, best);
  }
}
