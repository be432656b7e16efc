package io.lenscast.analysis.experiment;

import java.util.List;

/**
 * How an experiment runs: the ablation conditions and knockout edge sets / windows (the
 * paper's by default), the replacement ({@code .npy} mean vector or null for the image's own
 * mean; {@code zero} for zero ablation), the seed, the generation length override (null = the
 * paper's 200 / 10 tokens) and whether the context-control filter applies.
 */
public record ExperimentSettings(
    List<String> conditions, List<String> edgeSets, List<String> windows, String meanVector,
    boolean zeroAblation, long seed, Integer maxNewTokens, boolean contextControl, int limit) {

  public static final List<String> PAPER_CONDITIONS = List.of("object_b0", "object_b1",
      "object_b2", "register", "random_5", "random_10", "random_20", "random_40", "random_60",
      "random_100", "random_250", "ig_5", "ig_10", "ig_20", "ig_40", "ig_60", "ig_100",
      "ig_250");
  public static final List<String> PAPER_EDGE_SETS = List.of("object_b0->last",
      "object_b1->last", "object_b2->last", "image-minus-object_b1->last", "object_b1->lastrow",
      "image-minus-lastrow->lastrow");
}
