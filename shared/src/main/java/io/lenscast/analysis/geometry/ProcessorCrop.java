package io.lenscast.analysis.geometry;

/**
 * The geometry of HF {@code CLIPImageProcessor} as LLaVA-1.5 uses it: resize so the shortest
 * edge is {@code shortestEdge} (the other edge {@code int(shortestEdge * long / short)},
 * truncated), then center crop {@code cropWidth x cropHeight} with {@code left = (W' - cw) // 2},
 * {@code top = (H' - ch) // 2}. A resized pixel coordinate {@code x'} comes from the original
 * coordinate {@code x' * W / W'} (PIL maps pixel centres that way).
 */
public record ProcessorCrop(
    int originalWidth, int originalHeight, int resizedWidth, int resizedHeight,
    int cropLeft, int cropTop, int cropWidth, int cropHeight) {

  public static ProcessorCrop of(int width, int height, int shortestEdge, int cropWidth,
      int cropHeight) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive, got " + width + "x"
          + height);
    }
    int rw;
    int rh;
    if (width <= height) {
      rw = shortestEdge;
      rh = (int) ((double) shortestEdge * height / width);
    } else {
      rh = shortestEdge;
      rw = (int) ((double) shortestEdge * width / height);
    }
    return new ProcessorCrop(width, height, rw, rh, Math.floorDiv(rw - cropWidth, 2),
        Math.floorDiv(rh - cropHeight, 2), cropWidth, cropHeight);
  }

  /** Original x to the crop's pixel frame. */
  public double toCropX(double x) {
    return x * resizedWidth / originalWidth - cropLeft;
  }

  /** Original y to the crop's pixel frame. */
  public double toCropY(double y) {
    return y * resizedHeight / originalHeight - cropTop;
  }
}
