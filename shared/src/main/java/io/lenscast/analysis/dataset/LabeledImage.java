package io.lenscast.analysis.dataset;

import io.lenscast.analysis.geometry.ObjectShape;
import java.nio.file.Path;
import java.util.List;

/**
 * An image of a dataset with what an experiment needs about it: a stable key (the COCO image id
 * or the file name), its size, the target class and object, and an optional VQA question.
 */
public record LabeledImage(
    String key, Path path, int width, int height, String className, ObjectShape target,
    List<ObjectShape> objects, String question) {}
