package io.lenscast.model.weights;

import java.util.List;

/**
 * The two tensor-name layouts of LLaVA checkpoints. lenscast asks for tensors by their Hub names
 * ({@code language_model.model.layers.N...}, {@code language_model.lm_head.weight},
 * {@code vision_tower...}, {@code multi_modal_projector...}); newer transformers write
 * {@code model.language_model.layers.N...}, {@code lm_head.weight}, {@code model.vision_tower...},
 * {@code model.multi_modal_projector...}. This maps a Hub name to the names it may be stored under.
 */
public final class TensorNames {
  private TensorNames() {}

  /** Candidate stored names for a Hub-layout name, the Hub name first. */
  public static List<String> candidates(String hubName) {
    return List.of(hubName, newLayout(hubName));
  }

  /** The newer transformers layout of a Hub-layout name. */
  public static String newLayout(String hubName) {
    if (hubName.startsWith("language_model.model.")) {
      return "model.language_model." + hubName.substring("language_model.model.".length());
    }
    if (hubName.startsWith("language_model.lm_head.")) {
      return hubName.substring("language_model.".length());
    }
    return "model." + hubName;
  }
}
