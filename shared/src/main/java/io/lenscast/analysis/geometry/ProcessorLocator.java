package io.lenscast.analysis.geometry;

/**
 * The default mapping from an object to grid cells: through the exact resize and center crop
 * the model's preprocessing applies, so a cell is marked exactly when its 14x14 patch of the
 * model's input contains part of the object. This is what the model sees. The reference code
 * instead crops the original image and cuts it into {@code S // 24} px cells, which drops the
 * last {@code S mod 24} px and drifts by up to almost one cell towards the right and bottom
 * edges (e.g. a 375 px crop: 15 px cells cover 360 px); see {@link ReferenceLocator}.
 *
 * <p>Polygons (or the box) are mapped to the crop frame (a linear map, so overlap is preserved)
 * and a cell is marked when the shape overlaps it with positive area; a mask pixel is the unit
 * square {@code [x, x+1) x [y, y+1)} mapped the same way. Parts cut by the crop mark nothing.
 */
public final class ProcessorLocator implements ObjectLocator {
  private final int shortestEdge;
  private final int cropWidth;
  private final int cropHeight;
  private final int patchSize;

  public ProcessorLocator(int shortestEdge, int cropWidth, int cropHeight, int patchSize) {
    if (cropWidth % patchSize != 0 || cropHeight % patchSize != 0) {
      throw new IllegalArgumentException("crop " + cropWidth + "x" + cropHeight
          + " is not a multiple of the patch size " + patchSize);
    }
    this.shortestEdge = shortestEdge;
    this.cropWidth = cropWidth;
    this.cropHeight = cropHeight;
    this.patchSize = patchSize;
  }

  public static ProcessorLocator llava15() {
    return new ProcessorLocator(336, 336, 336, 14);
  }

  @Override
  public GridCells locate(ObjectShape object, int imageWidth, int imageHeight) {
    ProcessorCrop crop = ProcessorCrop.of(imageWidth, imageHeight, shortestEdge, cropWidth,
        cropHeight);
    CellRaster raster = new CellRaster(cropHeight / patchSize, cropWidth / patchSize, patchSize,
        patchSize);
    if (object.mask() != null) {
      object.mask().forEachPixel((x, y) -> raster.rect(new Rect(crop.toCropX(x),
          crop.toCropY(y), crop.toCropX(x + 1), crop.toCropY(y + 1))));
    } else {
      for (double[] polygon : object.outline()) {
        double[] mapped = new double[polygon.length];
        for (int i = 0; i < polygon.length; i += 2) {
          mapped[i] = crop.toCropX(polygon[i]);
          mapped[i + 1] = crop.toCropY(polygon[i + 1]);
        }
        raster.polygon(mapped);
      }
    }
    GridCells cells = raster.result();
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("object '" + object.label()
          + "' lies outside the model's center crop");
    }
    return cells;
  }
}
