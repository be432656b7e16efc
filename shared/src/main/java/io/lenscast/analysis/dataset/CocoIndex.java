package io.lenscast.analysis.dataset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Images, categories and segmentation-free annotations of one COCO instances file, in file
 * order (the order pycocotools' {@code getImgIds} / {@code getAnnIds} give, which the
 * reference's filters depend on).
 */
public final class CocoIndex {
  private final Map<Long, CocoImage> images = new LinkedHashMap<>();
  private final Map<Integer, String> categories = new LinkedHashMap<>();
  private final Map<Long, List<CocoAnnotationInfo>> byImage = new LinkedHashMap<>();

  void addImage(CocoImage image) {
    images.put(image.id(), image);
  }

  void addCategory(int id, String name) {
    categories.put(id, name);
  }

  void addAnnotation(CocoAnnotationInfo a) {
    byImage.computeIfAbsent(a.imageId(), k -> new ArrayList<>()).add(a);
  }

  public Collection<CocoImage> images() {
    return images.values();
  }

  public CocoImage image(long id) {
    return images.get(id);
  }

  /** The category's name, or null for an unknown id. */
  public String categoryName(int id) {
    return categories.get(id);
  }

  /** The image's annotations in file order (empty when it has none). */
  public List<CocoAnnotationInfo> annotations(long imageId) {
    return byImage.getOrDefault(imageId, List.of());
  }
}
