package io.lenscast.model.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Numeric comparisons with tolerances, failing with the index and values of the worst miss. */
public final class Compare {
  private Compare() {}

  /** [R][C] float64 rows as one float32 row-major array (a reference's values to compare). */
  public static float[] flat(double[][] a) {
    float[] out = new float[a.length * a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        out[i * a[i].length + j] = (float) a[i][j];
      }
    }
    return out;
  }

  /** float64 values as float32. */
  public static float[] toFloats(double[] a) {
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) a[i];
    }
    return out;
  }

  /** max |a - e| <= tol * max |e|. */
  public static void relativeToAbsMax(String what, float[] expected, float[] actual, double tol) {
    assertEquals(expected.length, actual.length, what + ": length");
    double absMax = 0;
    for (float e : expected) {
      absMax = Math.max(absMax, Math.abs(e));
    }
    worst(what, expected, actual, tol * absMax);
  }

  /** max |a - e| <= tol. */
  public static void absolute(String what, float[] expected, float[] actual, double tol) {
    assertEquals(expected.length, actual.length, what + ": length");
    worst(what, expected, actual, tol);
  }

  private static void worst(String what, float[] expected, float[] actual, double limit) {
    int worst = -1;
    double diff = -1;
    for (int i = 0; i < expected.length; i++) {
      double d = Math.abs((double) expected[i] - actual[i]);
      if (!(d <= diff)) {
        diff = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      assertTrue(diff <= limit, what + ": max abs diff " + diff + " > " + limit + " at index "
          + worst + " (expected " + expected[worst] + ", got " + actual[worst] + ")");
    }
  }

  /** L2 norm of each row of a [rows, dim] array. */
  public static float[] rowNorms(float[] values, int dim) {
    float[] out = new float[values.length / dim];
    for (int r = 0; r < out.length; r++) {
      double s = 0;
      for (int j = 0; j < dim; j++) {
        double v = values[r * dim + j];
        s += v * v;
      }
      out[r] = (float) Math.sqrt(s);
    }
    return out;
  }

  /** Rows {@code rows} of a [n, dim] array, concatenated. */
  public static float[] rows(float[] values, int dim, int... rows) {
    float[] out = new float[rows.length * dim];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(values, rows[i] * dim, out, i * dim, dim);
    }
    return out;
  }
}
