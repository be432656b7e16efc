package io.lenscast.analysis.dataset;

/** One entry of a COCO {@code images} array. */
public record CocoImage(long id, String fileName, int width, int height) {}
