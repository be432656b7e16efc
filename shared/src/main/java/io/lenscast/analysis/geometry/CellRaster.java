package io.lenscast.analysis.geometry;

import java.util.BitSet;

/**
 * Marks the cells of a grid of {@code cellW x cellH} pixel cells (origin at 0, 0) that shapes
 * overlap with positive area. Shapes are given in the grid's own pixel frame; parts outside the
 * grid are ignored. One raster accumulates the marks of one object.
 */
final class CellRaster {
  private final int rows;
  private final int cols;
  private final double cellW;
  private final double cellH;
  private final BitSet marked = new BitSet();

  CellRaster(int rows, int cols, double cellW, double cellH) {
    this.rows = rows;
    this.cols = cols;
    this.cellW = cellW;
    this.cellH = cellH;
  }

  GridCells result() {
    return GridCells.ofBits(rows, cols, marked);
  }

  private Rect cell(int r, int c) {
    return new Rect(c * cellW, r * cellH, (c + 1) * cellW, (r + 1) * cellH);
  }

  /** Marks the cells a polygon overlaps; only cells in its bounding box are clipped against. */
  void polygon(double[] polygon) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < polygon.length; i += 2) {
      minX = Math.min(minX, polygon[i]);
      maxX = Math.max(maxX, polygon[i]);
      minY = Math.min(minY, polygon[i + 1]);
      maxY = Math.max(maxY, polygon[i + 1]);
    }
    int[] cr = span(minX, maxX, cellW, cols);
    int[] rr = span(minY, maxY, cellH, rows);
    for (int r = rr[0]; r <= rr[1]; r++) {
      for (int c = cr[0]; c <= cr[1]; c++) {
        if (!marked.get(r * cols + c) && PolygonClip.overlaps(polygon, cell(r, c))) {
          marked.set(r * cols + c);
        }
      }
    }
  }

  /** Marks the cells a rectangle overlaps with positive area. */
  void rect(Rect rect) {
    int[] cr = span(rect.x0(), rect.x1(), cellW, cols);
    int[] rr = span(rect.y0(), rect.y1(), cellH, rows);
    for (int r = rr[0]; r <= rr[1]; r++) {
      for (int c = cr[0]; c <= cr[1]; c++) {
        if (rect.overlaps(cell(r, c))) {
          marked.set(r * cols + c);
        }
      }
    }
  }

  /** Indices [first, last] of cells whose interval can meet [lo, hi]; empty if first > last. */
  private static int[] span(double lo, double hi, double size, int count) {
    int first = Math.max(0, (int) Math.floor(lo / size));
    int last = Math.min(count - 1, (int) Math.ceil(hi / size) - 1);
    return new int[] {first, last};
  }
}
