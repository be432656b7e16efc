package io.lenscast.analysis.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper code's mapping ({@code correct_annotations_for_crop} + {@code
 * find_overlapping_patches}), kept to reproduce its numbers: center-crop the ORIGINAL image to
 * a square of side {@code S = min(W, H)} ({@code left = (W - S) // 2}, {@code top = (H - S) //
 * 2}), shift the polygons, DROP every vertex outside {@code [0, S)} (no clipping: the polygon
 * takes a shortcut between the vertices left), keep a polygon only if 3 or more vertices
 * remain, and mark a cell of {@code S // 24 x S // 24} px if the polygon overlaps it at all.
 * The last {@code S mod 24} px of the crop belong to no cell.
 *
 * <p>Differences, all documented: the reference rasterises with pycocotools at pixel
 * resolution, this uses the exact polygon area (they differ only where a polygon touches a cell
 * by less than a pixel); a box-only object is treated as its 4-corner polygon; a crowd RLE mask
 * (which the reference cannot read) is cropped and binned into the same cells.
 */
public final class ReferenceLocator implements ObjectLocator {
  private final int gridSize;

  public ReferenceLocator(int gridSize) {
    this.gridSize = gridSize;
  }

  public static ReferenceLocator llava15() {
    return new ReferenceLocator(24);
  }

  @Override
  public GridCells locate(ObjectShape object, int imageWidth, int imageHeight) {
    int side = Math.min(imageWidth, imageHeight);
    int left = (imageWidth - side) / 2;
    int top = (imageHeight - side) / 2;
    int cell = side / gridSize;
    if (cell == 0) {
      throw new IllegalArgumentException("image " + imageWidth + "x" + imageHeight
          + " is smaller than the " + gridSize + "x" + gridSize + " grid");
    }
    CellRaster raster = new CellRaster(gridSize, gridSize, cell, cell);
    if (object.mask() != null) {
      object.mask().forEachPixel((x, y) -> {
        int cx = x - left;
        int cy = y - top;
        if (cx >= 0 && cy >= 0 && cx < side && cy < side) {
          raster.rect(new Rect(cx, cy, cx + 1, cy + 1));
        }
      });
    } else {
      List<double[]> kept = shiftAndDropOutside(object.outline(), left, top, side);
      if (kept.isEmpty()) {
        throw new IllegalArgumentException("object '" + object.label()
            + "': no polygon keeps 3 vertices inside the square crop");
      }
      kept.forEach(raster::polygon);
    }
    GridCells cells = raster.result();
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("object '" + object.label()
          + "' lies outside the square crop's grid");
    }
    return cells;
  }

  /** The reference's polygon correction: shift, drop vertices outside, keep those with >= 3. */
  static List<double[]> shiftAndDropOutside(List<double[]> polygons, int left, int top,
      int side) {
    List<double[]> kept = new ArrayList<>();
    for (double[] polygon : polygons) {
      double[] out = new double[polygon.length];
      int n = 0;
      for (int i = 0; i < polygon.length; i += 2) {
        double x = polygon[i] - left;
        double y = polygon[i + 1] - top;
        if (x >= 0 && x < side && y >= 0 && y < side) {
          out[n++] = x;
          out[n++] = y;
        }
      }
      if (n >= 6) {
        kept.add(java.util.Arrays.copyOf(out, n));
      }
    }
    return kept;
  }
}
