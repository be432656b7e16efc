package io.lenscast.image;

/**
 * An 8-bit RGB image in row-major HWC order, the form PIL's {@code .convert("RGB")} yields and
 * every later preprocessing step consumes. The array is owned by the image; callers that mutate
 * it get what they asked for.
 *
 * @param width pixels per row
 * @param height rows
 * @param rgb {@code [height, width, 3]} unsigned bytes
 */
public record RgbImage(int width, int height, byte[] rgb) {
  public RgbImage {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
    }
    if (rgb.length != (long) width * height * 3) {
      throw new IllegalArgumentException(
          "expected " + (long) width * height * 3 + " bytes for " + width + "x" + height
              + " RGB, got " + rgb.length);
    }
  }

  /** Channel {@code c} (0 = R) of pixel ({@code x}, {@code y}) as 0..255. */
  public int get(int x, int y, int c) {
    return rgb[(y * width + x) * 3 + c] & 0xFF;
  }
}
