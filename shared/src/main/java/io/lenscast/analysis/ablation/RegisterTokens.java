package io.lenscast.analysis.ablation;

import io.lenscast.analysis.geometry.GridCells;

/**
 * Selects "register" tokens as the paper does ({@code get_register_indices}): visual tokens
 * whose post-projector embedding L2 norm exceeds the mean + 2 standard deviations of the
 * image's norms (unbiased std, as {@code torch.std}).
 */
public final class RegisterTokens {
  private RegisterTokens() {}

  /** @param norms one L2 norm per visual token, row-major, {@code rows * cols} of them */
  public static GridCells select(float[] norms, int rows, int cols) {
    if (norms.length != rows * cols) {
      throw new IllegalArgumentException("need " + rows * cols + " norms, got " + norms.length);
    }
    double mean = 0;
    for (float n : norms) {
      mean += n;
    }
    mean /= norms.length;
    double ss = 0;
    for (float n : norms) {
      ss += (n - mean) * (n - mean);
    }
    double std = Math.sqrt(ss / (norms.length - 1));
    double threshold = mean + 2 * std;
    GridCells out = GridCells.empty(rows, cols);
    java.util.List<Integer> picked = new java.util.ArrayList<>();
    for (int i = 0; i < norms.length; i++) {
      if (norms[i] > threshold) {
        picked.add(i);
      }
    }
    return picked.isEmpty() ? out
        : GridCells.of(rows, cols, picked.stream().mapToInt(Integer::intValue).toArray());
  }

  /** L2 norm of each row of a row-major {@code [n, dim]} matrix. */
  public static float[] rowNorms(float[] matrix, int dim) {
    float[] out = new float[matrix.length / dim];
    for (int r = 0; r < out.length; r++) {
      double s = 0;
      for (int k = 0; k < dim; k++) {
        double v = matrix[r * dim + k];
        s += v * v;
      }
      out[r] = (float) Math.sqrt(s);
    }
    return out;
  }
}
