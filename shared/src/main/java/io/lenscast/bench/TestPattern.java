package io.lenscast.bench;

import io.lenscast.image.RgbImage;

/**
 * A deterministic synthetic photo-sized image (gradients and stripes) for benchmarks run
 * without {@code --image}: preprocessing then does the same resize-and-crop work as for a
 * camera image of that size.
 */
public final class TestPattern {
  private TestPattern() {}

  public static RgbImage of(int width, int height) {
    byte[] rgb = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = (y * width + x) * 3;
        rgb[i] = (byte) (255 * x / Math.max(1, width - 1));
        rgb[i + 1] = (byte) (255 * y / Math.max(1, height - 1));
        rgb[i + 2] = (byte) (((x / 16) + (y / 16)) % 2 == 0 ? 200 : 40);
      }
    }
    return new RgbImage(width, height, rgb);
  }
}
