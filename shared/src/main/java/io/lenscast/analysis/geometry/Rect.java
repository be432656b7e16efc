package io.lenscast.analysis.geometry;

/** An axis-aligned rectangle {@code [x0, x1) x [y0, y1)} in pixel coordinates. */
public record Rect(double x0, double y0, double x1, double y1) {
  public double width() {
    return x1 - x0;
  }

  public double height() {
    return y1 - y0;
  }

  /** A COCO box {@code [x, y, w, h]}. */
  public static Rect ofXywh(double[] xywh) {
    if (xywh == null || xywh.length != 4) {
      throw new IllegalArgumentException("a bbox needs 4 numbers x,y,w,h");
    }
    if (!(xywh[2] > 0 && xywh[3] > 0)) {
      throw new IllegalArgumentException("a bbox needs positive width and height, got w="
          + xywh[2] + " h=" + xywh[3]);
    }
    return new Rect(xywh[0], xywh[1], xywh[0] + xywh[2], xywh[1] + xywh[3]);
  }

  /** The corners as a closed polygon {@code [x1, y1, x2, y2, ...]}, clockwise in image space. */
  public double[] asPolygon() {
    return new double[] {x0, y0, x1, y0, x1, y1, x0, y1};
  }

  /** True when the two rectangles share a region of positive area (touching edges do not). */
  public boolean overlaps(Rect o) {
    return Math.min(x1, o.x1) > Math.max(x0, o.x0) && Math.min(y1, o.y1) > Math.max(y0, o.y0);
  }
}
