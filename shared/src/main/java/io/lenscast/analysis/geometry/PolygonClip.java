package io.lenscast.analysis.geometry;

/**
 * Exact overlap of a polygon with a rectangle: Sutherland-Hodgman clipping against the four
 * edges, then the shoelace area. "A cell is marked if it overlaps the object at all" is decided
 * by this area being positive, so an object edge lying exactly on a cell border marks nothing.
 */
final class PolygonClip {
  /** Areas below this (px^2) are rounding noise of a shared edge, not an overlap. */
  private static final double EPS_AREA = 1e-9;

  private PolygonClip() {}

  /** Area of {@code polygon} ({@code [x1, y1, x2, y2, ...]}) inside {@code rect}. */
  static double overlapArea(double[] polygon, Rect rect) {
    double[] p = polygon;
    p = clip(p, 0, rect.x0(), true);
    p = clip(p, 0, rect.x1(), false);
    p = clip(p, 1, rect.y0(), true);
    p = clip(p, 1, rect.y1(), false);
    return Math.abs(signedArea(p));
  }

  static boolean overlaps(double[] polygon, Rect rect) {
    return overlapArea(polygon, rect) > EPS_AREA;
  }

  static double signedArea(double[] p) {
    int n = p.length / 2;
    double twice = 0;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      twice += p[2 * i] * p[2 * j + 1] - p[2 * j] * p[2 * i + 1];
    }
    return twice / 2;
  }

  /** Keeps the part where coordinate {@code axis} is >= bound (keepAbove) or <= bound. */
  private static double[] clip(double[] p, int axis, double bound, boolean keepAbove) {
    int n = p.length / 2;
    if (n == 0) {
      return p;
    }
    double[] out = new double[4 * n + 4];
    int m = 0;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double ai = p[2 * i + axis];
      double aj = p[2 * j + axis];
      boolean inI = keepAbove ? ai >= bound : ai <= bound;
      boolean inJ = keepAbove ? aj >= bound : aj <= bound;
      if (inI) {
        out[m++] = p[2 * i];
        out[m++] = p[2 * i + 1];
      }
      if (inI != inJ) {
        double t = (bound - ai) / (aj - ai);
        out[m++] = p[2 * i] + t * (p[2 * j] - p[2 * i]);
        out[m++] = p[2 * i + 1] + t * (p[2 * j + 1] - p[2 * i + 1]);
      }
    }
    return java.util.Arrays.copyOf(out, m);
  }
}
