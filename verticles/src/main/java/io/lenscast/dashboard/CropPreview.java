package io.lenscast.dashboard;

/**
 * The job's image as the model saw it (shortest edge resized to {@code size}, centre-cropped to
 * {@code size} x {@code size}), JPEG-encoded for display, with the geometry that maps
 * original-image pixels onto it: {@code x' = x * scale - left}, {@code y' = y * scale - top}.
 */
public record CropPreview(
    byte[] jpeg, int originalWidth, int originalHeight, double scale, int left, int top,
    int size) {}
