package io.lenscast.analysis.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paper's image filters over one image's annotations (all of them, crowd included, as
 * pycocotools' {@code getAnnIds} returns them), each giving the target object.
 * <ul>
 *   <li>{@code paper-ablation} (the reference's {@code filter_fn}): at most 3 annotations, and
 *   a category with exactly one instance whose area is strictly between 1000 and 2000 px^2;
 *   categories are tried in order of first appearance and the first match is the target.
 *   <li>{@code paper-lens}: exactly one annotation, not crowd, with area in [20000, 30000]
 *   px^2. The reference code has no lens filter (the numbers are quoted second-hand, "one
 *   object of 20,000-30,000 px^2"); this is lenscast's reading of it.
 * </ul>
 */
public final class PaperFilters {
  public static final String PAPER_ABLATION = "paper-ablation";
  public static final String PAPER_LENS = "paper-lens";

  private PaperFilters() {}

  public static Optional<CocoAnnotationInfo> target(String filter,
      List<CocoAnnotationInfo> annotations) {
    return switch (filter) {
      case PAPER_ABLATION -> paperAblation(annotations);
      case PAPER_LENS -> paperLens(annotations);
      default -> throw new IllegalArgumentException("unknown filter '" + filter
          + "' (paper-ablation or paper-lens)");
    };
  }

  public static Optional<CocoAnnotationInfo> paperAblation(List<CocoAnnotationInfo> anns) {
    if (anns.size() > 3) {
      return Optional.empty();
    }
    Map<Integer, List<CocoAnnotationInfo>> groups = new LinkedHashMap<>();
    for (CocoAnnotationInfo a : anns) {
      groups.computeIfAbsent(a.categoryId(), k -> new java.util.ArrayList<>()).add(a);
    }
    for (List<CocoAnnotationInfo> group : groups.values()) {
      if (group.size() == 1 && group.get(0).area() > 1000 && group.get(0).area() < 2000) {
        return Optional.of(group.get(0));
      }
    }
    return Optional.empty();
  }

  public static Optional<CocoAnnotationInfo> paperLens(List<CocoAnnotationInfo> anns) {
    if (anns.size() != 1) {
      return Optional.empty();
    }
    CocoAnnotationInfo a = anns.get(0);
    return !a.crowd() && a.area() >= 20000 && a.area() <= 30000 ? Optional.of(a)
        : Optional.empty();
  }
}
