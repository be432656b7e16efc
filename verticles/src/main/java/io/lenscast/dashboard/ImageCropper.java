package io.lenscast.dashboard;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Computes the display crop of a job's image from its bytes, with the CLIP processor's geometry
 * (shortest edge to 336, centre crop with offsets {@code (H-336)//2}, {@code (W-336)//2}). The
 * pixels are for looking at, not bit-exact with the model's input; the geometry is exact, so
 * object boxes and patch cells line up. Blocking: call it off the event loop.
 */
final class ImageCropper {
  static final int SIZE = 336;
  private final long maxPixels;

  ImageCropper(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  /** The crop, or empty when the bytes are not an image Java can decode or it is too large. */
  Optional<CropPreview> crop(byte[] imageBytes) {
    BufferedImage source;
    try {
      source = ImageIO.read(new ByteArrayInputStream(imageBytes));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (source == null || (long) source.getWidth() * source.getHeight() > maxPixels) {
      return Optional.empty();
    }
    int width = source.getWidth();
    int height = source.getHeight();
    int shortest = Math.min(width, height);
    double scale = (double) SIZE / shortest;
    int resizedWidth = width <= height ? SIZE : (int) ((long) SIZE * width / height);
    int resizedHeight = height <= width ? SIZE : (int) ((long) SIZE * height / width);
    int left = (resizedWidth - SIZE) / 2;
    int top = (resizedHeight - SIZE) / 2;

    BufferedImage crop = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = crop.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.drawImage(source, -left, -top, resizedWidth, resizedHeight, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    try {
      ImageIO.write(crop, "jpg", jpeg);
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(new CropPreview(jpeg.toByteArray(), width, height,
        (double) resizedWidth / width, left, top, SIZE));
  }
}
