package io.lenscast.image;

/**
 * Where the model's square input came from in the original image: the image was resized to
 * {@code resizedWidth x resizedHeight}, then the window starting at ({@code cropLeft},
 * {@code cropTop}) of size {@code cropWidth x cropHeight} was cut out (negative offsets mean
 * zero padding, as transformers pads images smaller than the crop). Object boxes given in
 * original pixels are mapped through this onto the crop and from there onto the patch grid.
 */
public record CropGeometry(
    int originalWidth,
    int originalHeight,
    int resizedWidth,
    int resizedHeight,
    int cropLeft,
    int cropTop,
    int cropWidth,
    int cropHeight) {

  /** An original-image x coordinate in crop pixels (may fall outside 0..cropWidth). */
  public double toCropX(double originalX) {
    return originalX * resizedWidth / originalWidth - cropLeft;
  }

  /** An original-image y coordinate in crop pixels (may fall outside 0..cropHeight). */
  public double toCropY(double originalY) {
    return originalY * resizedHeight / originalHeight - cropTop;
  }
}
