package io.lenscast.image;

/**
 * The CLIP processor's output for one image: the normalised {@code pixel_values} the vision tower
 * reads, the uint8 crop they were computed from (for display and parity checks), and the crop
 * geometry that maps original coordinates onto the crop.
 *
 * @param pixelValues {@code [3, cropHeight, cropWidth]} float32, channel-major (CHW)
 * @param crop the resized and cropped 8-bit RGB image, {@code [cropHeight, cropWidth, 3]}
 * @param geometry sizes and offsets of the resize and crop
 */
public record PreprocessedImage(float[] pixelValues, RgbImage crop, CropGeometry geometry) {}
