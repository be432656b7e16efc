package io.lenscast.analysis.geometry;

import java.util.List;

/**
 * Where an object is in the ORIGINAL image, in pixels: a COCO box {@code [x, y, w, h]}, COCO
 * polygons ({@code [x1, y1, x2, y2, ...]} each), or a COCO RLE mask (crowd objects). The most
 * precise one present is used to find its cells: mask, then polygons, then the box.
 */
public record ObjectShape(String label, double[] bbox, List<double[]> polygons, RleMask mask) {
  public ObjectShape {
    polygons = polygons == null ? List.of() : List.copyOf(polygons);
    for (double[] p : polygons) {
      if (p.length < 6 || p.length % 2 != 0) {
        throw new IllegalArgumentException("a polygon needs an even number (>= 6) of "
            + "coordinates, got " + p.length);
      }
    }
    if (bbox != null) {
      Rect.ofXywh(bbox);
    }
    if (bbox == null && polygons.isEmpty() && mask == null) {
      throw new IllegalArgumentException("object '" + label
          + "' has no bbox, polygon or mask");
    }
  }

  public static ObjectShape ofBox(String label, double x, double y, double w, double h) {
    return new ObjectShape(label, new double[] {x, y, w, h}, null, null);
  }

  public static ObjectShape ofPolygons(String label, List<double[]> polygons) {
    return new ObjectShape(label, null, polygons, null);
  }

  public static ObjectShape ofMask(String label, RleMask mask) {
    return new ObjectShape(label, null, null, mask);
  }

  /** The polygons to rasterise: the given ones, or the box as a 4-corner polygon. */
  List<double[]> outline() {
    return polygons.isEmpty() && bbox != null ? List.of(Rect.ofXywh(bbox).asPolygon()) : polygons;
  }
}
