package io.lenscast.analysis.geometry;

import io.lenscast.image.ClipImageProcessor;
import io.lenscast.image.ClipPreprocessorConfig;
import io.lenscast.image.CropGeometry;

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
  private final ClipImageProcessor processor;
  private final int patchSize;

  public ProcessorLocator(ClipPreprocessorConfig config, int patchSize) {
    if (config.cropWidth() % patchSize != 0 || config.cropHeight() % patchSize != 0) {
      throw new IllegalArgumentException("crop " + config.cropWidth() + "x"
          + config.cropHeight() + " is not a multiple of the patch size " + patchSize);
    }
    this.processor = new ClipImageProcessor(config);
    this.patchSize = patchSize;
  }

  /** LLaVA-1.5: shortest edge 336, crop 336, 14 px patches (24x24 grid). */
  public static ProcessorLocator llava15() {
    return new ProcessorLocator(ClipPreprocessorConfig.llava15(), 14);
  }

  /** The resize and crop the processor applies to an image of this size. */
  public CropGeometry geometry(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive, got " + width + "x"
          + height);
    }
    ClipPreprocessorConfig c = processor.config();
    int[] resized = c.doResize() ? processor.resizedSize(width, height)
        : new int[] {width, height};
    int cropW = c.doCenterCrop() ? c.cropWidth() : resized[0];
    int cropH = c.doCenterCrop() ? c.cropHeight() : resized[1];
    return new CropGeometry(width, height, resized[0], resized[1],
        Math.floorDiv(resized[0] - cropW, 2), Math.floorDiv(resized[1] - cropH, 2), cropW,
        cropH);
  }

  @Override
  public GridCells locate(ObjectShape object, int imageWidth, int imageHeight) {
    return locate(object, geometry(imageWidth, imageHeight));
  }

  /** Cells of the object given the geometry the preprocessing actually used. */
  public GridCells locate(ObjectShape object, CropGeometry crop) {
    return locate(object, crop, patchSize);
  }

  /** Cells of the object on a grid of {@code patchSize} px patches over the given crop. */
  public static GridCells locate(ObjectShape object, CropGeometry crop, int patchSize) {
    CellRaster raster = new CellRaster(crop.cropHeight() / patchSize,
        crop.cropWidth() / patchSize, patchSize, patchSize);
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
