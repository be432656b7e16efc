package io.lenscast.image;

/**
 * transformers' {@code CLIPImageProcessor.__call__} for one RGB image, reproduced exactly: resize
 * (shortest edge, Pillow bicubic), center crop, rescale, normalise, HWC to CHW. Each step is the
 * same arithmetic as the Python one (the rescale multiplies in double and casts to float, the
 * normalisation runs in float), so the pixel values come out bit-identical to the golden ones.
 */
public final class ClipImageProcessor {
  private final ClipPreprocessorConfig config;

  public ClipImageProcessor(ClipPreprocessorConfig config) {
    this.config = config;
  }

  public ClipPreprocessorConfig config() {
    return config;
  }

  public PreprocessedImage process(RgbImage image) {
    RgbImage resized = config.doResize() ? resize(image) : image;
    int cropW = config.doCenterCrop() ? config.cropWidth() : resized.width();
    int cropH = config.doCenterCrop() ? config.cropHeight() : resized.height();
    int left = Math.floorDiv(resized.width() - cropW, 2);
    int top = Math.floorDiv(resized.height() - cropH, 2);
    RgbImage crop = crop(resized, left, top, cropW, cropH);
    CropGeometry geometry = new CropGeometry(image.width(), image.height(), resized.width(),
        resized.height(), left, top, cropW, cropH);
    return new PreprocessedImage(toPixelValues(crop), crop, geometry);
  }

  /** The resized size (width, height) transformers computes for an input size. */
  public int[] resizedSize(int width, int height) {
    if (config.shortestEdge() == null) {
      return new int[] {config.resizeWidth(), config.resizeHeight()};
    }
    int target = config.shortestEdge();
    int shortSide = Math.min(width, height);
    int longSide = Math.max(width, height);
    // Python: int(size * long / short), true division then truncation
    int newLong = (int) ((double) target * longSide / shortSide);
    return width <= height ? new int[] {target, newLong} : new int[] {newLong, target};
  }

  private RgbImage resize(RgbImage image) {
    int[] size = resizedSize(image.width(), image.height());
    return PillowBicubicResize.resize(image, size[0], size[1]);
  }

  /** transformers' center_crop: rows/columns outside the image are zero padding. */
  private static RgbImage crop(RgbImage image, int left, int top, int width, int height) {
    if (left == 0 && top == 0 && width == image.width() && height == image.height()) {
      return image;
    }
    byte[] out = new byte[width * height * 3];
    byte[] src = image.rgb();
    for (int y = 0; y < height; y++) {
      int sy = y + top;
      if (sy < 0 || sy >= image.height()) {
        continue;
      }
      int x0 = Math.max(0, -left);
      int x1 = Math.min(width, image.width() - left);
      if (x1 > x0) {
        System.arraycopy(src, (sy * image.width() + x0 + left) * 3, out, (y * width + x0) * 3,
            (x1 - x0) * 3);
      }
    }
    return new RgbImage(width, height, out);
  }

  private float[] toPixelValues(RgbImage crop) {
    int plane = crop.width() * crop.height();
    float[] out = new float[3 * plane];  // [3, H, W]
    byte[] rgb = crop.rgb();
    float[] mean = config.mean();
    float[] std = config.std();
    for (int i = 0; i < plane; i++) {
      for (int c = 0; c < 3; c++) {
        int u8 = rgb[i * 3 + c] & 0xFF;
        float x = config.doRescale() ? (float) (u8 * config.rescaleFactor()) : u8;
        if (config.doNormalize()) {
          x = (x - mean[c]) / std[c];
        }
        out[c * plane + i] = x;
      }
    }
    return out;
  }
}
