package io.lenscast.analysis.ablation;

import io.lenscast.analysis.geometry.GridCells;

/**
 * Parses condition names as jobs and the CLI spell them. {@code object} alone means the object
 * with the job's default buffer.
 */
public final class AblationConditions {
  private AblationConditions() {}

  /**
   * @throws IllegalArgumentException with a one-line reason for an unknown or malformed name
   */
  public static AblationCondition parse(String spec, int defaultBuffer, int rows, int cols) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("empty ablation condition");
    }
    String s = spec.trim();
    if (s.equals("none")) {
      return new AblationCondition.None();
    }
    if (s.equals("register")) {
      return new AblationCondition.Register();
    }
    if (s.equals("object")) {
      return new AblationCondition.ObjectTokens(requireBuffer(defaultBuffer, s));
    }
    if (s.startsWith("object_b")) {
      return new AblationCondition.ObjectTokens(
          requireBuffer(number(s, "object_b".length()), s));
    }
    if (s.startsWith("random_")) {
      return new AblationCondition.RandomCells(count(s, "random_".length(), rows * cols));
    }
    if (s.startsWith("ig_bos_")) {
      return new AblationCondition.IntegratedGradients(
          count(s, "ig_bos_".length(), rows * cols), true);
    }
    if (s.startsWith("ig_")) {
      return new AblationCondition.IntegratedGradients(count(s, "ig_".length(), rows * cols),
          false);
    }
    if (s.startsWith("cells:")) {
      GridCells cells = CellList.parse(s.substring("cells:".length()), rows, cols);
      return new AblationCondition.ExplicitCells(cells);
    }
    throw new IllegalArgumentException("unknown ablation condition '" + s + "' (none, object_bB,"
        + " register, random_N, ig_N, ig_bos_N, cells:LIST)");
  }

  private static int requireBuffer(int b, String spec) {
    if (b < 0 || b > 23) {
      throw new IllegalArgumentException("buffer of '" + spec + "' must be 0..23");
    }
    return b;
  }

  private static int count(String spec, int from, int total) {
    int n = number(spec, from);
    if (n < 1 || n > total) {
      throw new IllegalArgumentException("'" + spec + "': N must be 1.." + total);
    }
    return n;
  }

  private static int number(String spec, int from) {
    try {
      return Integer.parseInt(spec.substring(from));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + spec + "' does not end in a number");
    }
  }
}
