package io.lenscast.dashboard;

import io.lenscast.image.ClipImageProcessor;
import io.lenscast.image.ClipPreprocessorConfig;
import io.lenscast.image.ImageDecoder;
import io.lenscast.image.ImageRejectedException;
import io.lenscast.image.PreprocessedImage;
import io.lenscast.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Computes the display crop of a job's image from its bytes with the same decoder and CLIP
 * preprocessing the worker uses (LLaVA-1.5's: shortest edge 336, centre crop 336), so the picture
 * under the patch grid is the model's input and object boxes land on the right cells. Blocking:
 * call it off the event loop.
 */
final class ImageCropper {
  private final ImageDecoder decoder;
  private final ClipImageProcessor processor =
      new ClipImageProcessor(ClipPreprocessorConfig.llava15());

  ImageCropper(long maxPixels) {
    this.decoder = new ImageDecoder(maxPixels);
  }

  /** The crop, or empty when the bytes are not a usable image (the worker reports why). */
  Optional<CropPreview> crop(byte[] imageBytes) {
    PreprocessedImage pre;
    try {
      pre = processor.process(decoder.decode(imageBytes));
    } catch (ImageRejectedException | RuntimeException e) {
      return Optional.empty();
    }
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    try {
      ImageIO.write(toBuffered(pre.crop()), "jpg", jpeg);
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(new CropPreview(jpeg.toByteArray(), pre.geometry()));
  }

  private static BufferedImage toBuffered(RgbImage image) {
    BufferedImage out = new BufferedImage(image.width(), image.height(),
        BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        out.setRGB(x, y, image.get(x, y, 0) << 16 | image.get(x, y, 1) << 8 | image.get(x, y, 2));
      }
    }
    return out;
  }
}
