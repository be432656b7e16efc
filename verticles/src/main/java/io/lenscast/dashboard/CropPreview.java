package io.lenscast.dashboard;

import io.lenscast.image.CropGeometry;

/**
 * The job's image as the model saw it (the CLIP processor's resized, centre-cropped square),
 * JPEG-encoded for display, with the geometry that maps original-image pixels onto it.
 */
public record CropPreview(byte[] jpeg, CropGeometry geometry) {}
