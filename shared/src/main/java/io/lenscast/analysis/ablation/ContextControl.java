package io.lenscast.analysis.ablation;

import io.lenscast.analysis.geometry.GridCells;
import io.lenscast.image.ClipImageProcessor;
import io.lenscast.image.ClipPreprocessorConfig;
import io.lenscast.image.PreprocessedImage;
import io.lenscast.image.RgbImage;
import java.util.SplittableRandom;

/**
 * The paper's context control: the object's patches are replaced by uniform-noise pixels and
 * the image is described again; an image whose description still names the object is skipped
 * (the model recognises it from context, not from its tokens). The reference pastes ONE noise
 * patch into every cell of its {@code S // 24} px grid on the square-cropped original; here the
 * noise goes into the 14x14 px patches of the model's own crop (the processor mapping), drawn
 * per pixel from a seeded generator, and the result is normalised with the model's processor.
 */
public final class ContextControl {
  private ContextControl() {}

  /** The crop with every pixel of {@code cells} replaced by uniform noise in 0..255. */
  public static RgbImage noiseCells(RgbImage crop, GridCells cells, int patchSize, long seed) {
    if (crop.width() != cells.cols() * patchSize || crop.height() != cells.rows() * patchSize) {
      throw new IllegalArgumentException("crop " + crop.width() + "x" + crop.height()
          + " does not match the " + cells.rows() + "x" + cells.cols() + " grid of "
          + patchSize + " px patches");
    }
    byte[] rgb = crop.rgb().clone();
    SplittableRandom random = new SplittableRandom(seed);
    for (int cell : cells.indices()) {
      int x0 = (cell % cells.cols()) * patchSize;
      int y0 = (cell / cells.cols()) * patchSize;
      for (int y = y0; y < y0 + patchSize; y++) {
        for (int x = x0; x < x0 + patchSize; x++) {
          int at = (y * crop.width() + x) * 3;
          for (int c = 0; c < 3; c++) {
            rgb[at + c] = (byte) random.nextInt(256);
          }
        }
      }
    }
    return new RgbImage(crop.width(), crop.height(), rgb);
  }

  /**
   * Pixel values of {@code image} with the object's cells noised: the already resized and
   * cropped image is noised, then rescaled and normalised exactly as the processor does.
   */
  public static float[] noisedPixelValues(PreprocessedImage image, GridCells cells,
      int patchSize, long seed, ClipPreprocessorConfig config) {
    RgbImage noised = noiseCells(image.crop(), cells, patchSize, seed);
    ClipPreprocessorConfig normaliseOnly = new ClipPreprocessorConfig(false, false,
        config.shortestEdge(), config.resizeHeight(), config.resizeWidth(), config.resample(),
        false, config.cropHeight(), config.cropWidth(), config.doRescale(),
        config.rescaleFactor(), config.doNormalize(), config.mean(), config.std());
    return new ClipImageProcessor(normaliseOnly).process(noised).pixelValues();
  }
}
