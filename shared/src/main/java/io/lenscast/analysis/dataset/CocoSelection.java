package io.lenscast.analysis.dataset;

import io.lenscast.analysis.geometry.ObjectShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The images of a COCO instances file that pass a paper filter, each with its target object
 * (class = COCO category name) and shape, in file order: the candidate list of an experiment
 * (two streaming passes over the file, see {@link CocoReader}).
 */
public final class CocoSelection {
  private CocoSelection() {}

  /**
   * @param questions when not null, only images with a clean question are kept and the first
   *     question is attached (the VQA and knockout experiments)
   */
  public static List<LabeledImage> select(Path instances, Path imagesDir, String filter,
      CleanQuestions questions) throws IOException {
    CocoIndex index = CocoReader.scan(instances);
    Map<CocoImage, CocoAnnotationInfo> targets = new LinkedHashMap<>();
    for (CocoImage image : index.images()) {
      if (questions != null && questions.first(image.id()).isEmpty()) {
        continue;
      }
      Optional<CocoAnnotationInfo> target = PaperFilters.target(filter,
          index.annotations(image.id()));
      target.ifPresent(t -> targets.put(image, t));
    }
    Set<Long> ids = new HashSet<>();
    targets.values().forEach(t -> ids.add(t.id()));
    Map<Long, ObjectShape> shapes = CocoReader.shapes(instances, ids, index);
    List<LabeledImage> out = new ArrayList<>();
    targets.forEach((image, t) -> {
      ObjectShape shape = shapes.get(t.id());
      out.add(new LabeledImage(Long.toString(image.id()), imagesDir.resolve(image.fileName()),
          image.width(), image.height(), index.categoryName(t.categoryId()), shape,
          List.of(shape), questions == null ? null : questions.first(image.id()).orElse(null)));
    });
    return out;
  }
}
