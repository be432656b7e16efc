package io.lenscast.analysis.dataset;

/**
 * One COCO annotation without its segmentation: what the filters need. Loading the
 * segmentations of a whole {@code instances_train2017.json} would take gigabytes; they are read
 * in a second pass for the selected annotations only ({@link CocoReader#shapes}).
 */
public record CocoAnnotationInfo(
    long id, long imageId, int categoryId, double area, boolean crowd, double[] bbox) {}
