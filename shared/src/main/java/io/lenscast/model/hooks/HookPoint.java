package io.lenscast.model.hooks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named activation site of the model (TransformerLens style). Names are values built by the
 * factories below, never free strings; {@link #parse} accepts exactly the names they build.
 * Shapes are of a batched forward ({@code B} images, {@code T} sequence positions):
 * <ul>
 *   <li>{@code vision.hook_embeds} [B, 577, Dv]: patch + CLS + position embeddings after
 *       {@code pre_layrnorm} (the vision tower's hidden_states[0])</li>
 *   <li>{@code vision.blocks.{l}.hook_resid_post} [B, 577, Dv]: output of vision layer l</li>
 *   <li>{@code projector.hook_in} [B, 576, Dv]: the vision tower's selected features (the
 *       projector's input)</li>
 *   <li>{@code projector.hook_out} [B, 576, D]: the projector's output (the visual tokens)</li>
 *   <li>{@code lm.hook_inputs_embeds} [B, T, D]: merged decoder input embeddings</li>
 *   <li>{@code lm.blocks.{l}.hook_resid_post} [B, T, D]: output of decoder layer l (raw)</li>
 *   <li>{@code lm.blocks.{l}.attn.hook_pattern} [B, H, T, T]: attention weights, float32</li>
 *   <li>{@code lm.hook_final_norm} [B, T, D]: final RMSNorm of the last layer's output</li>
 * </ul>
 */
public record HookPoint(String name) {
  private static final Pattern BLOCK = Pattern.compile(
      "(lm|vision)\\.blocks\\.(\\d+)\\.(hook_resid_post|attn\\.hook_pattern)");

  public static final HookPoint VISION_EMBEDS = new HookPoint("vision.hook_embeds");
  public static final HookPoint PROJECTOR_IN = new HookPoint("projector.hook_in");
  public static final HookPoint PROJECTOR_OUT = new HookPoint("projector.hook_out");
  public static final HookPoint INPUTS_EMBEDS = new HookPoint("lm.hook_inputs_embeds");
  public static final HookPoint FINAL_NORM = new HookPoint("lm.hook_final_norm");

  public static HookPoint residPost(int layer) {
    return new HookPoint("lm.blocks." + layer + ".hook_resid_post");
  }

  public static HookPoint attnPattern(int layer) {
    return new HookPoint("lm.blocks." + layer + ".attn.hook_pattern");
  }

  public static HookPoint visionResidPost(int layer) {
    return new HookPoint("vision.blocks." + layer + ".hook_resid_post");
  }

  /** Parses a hook name as a job may carry it; throws IllegalArgumentException naming it. */
  public static HookPoint parse(String name) {
    for (HookPoint fixed : new HookPoint[] {VISION_EMBEDS, PROJECTOR_IN, PROJECTOR_OUT,
        INPUTS_EMBEDS, FINAL_NORM}) {
      if (fixed.name.equals(name)) {
        return fixed;
      }
    }
    Matcher m = BLOCK.matcher(name == null ? "" : name);
    if (m.matches() && !(m.group(1).equals("vision") && m.group(3).startsWith("attn"))) {
      return new HookPoint(name);
    }
    throw new IllegalArgumentException("unknown hook point '" + name + "'");
  }

  @Override
  public String toString() {
    return name;
  }
}
