package io.lenscast.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One image job as published on {@code lenscast.jobs.v1}: the image, the prompt or task, the
 * annotated objects, and which analyses to run. {@code jobId} may be null on input; the worker
 * (or publisher) assigns one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobEvent(
    String schema,
    int version,
    String jobId,
    ImageRef image,
    String prompt,
    String task,
    @JsonProperty("class") String className,
    String question,
    List<ObjectAnnotation> objects,
    Analyses analyses,
    String model,
    String experiment,
    String tag,
    Long submittedAtMs) implements Event {

  /** Where the image bytes are: inline base64, or a path inside the worker's allowed folder. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ImageRef(String base64, String path, String name) {}

  /** An annotated object in original-image pixels: a COCO-style box and/or polygons. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ObjectAnnotation(String label, double[] bbox, List<double[]> polygons) {}

  /** Which analyses a job asks for; a null member means "not requested". */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Analyses(
      LogitLens logitLens, Ablation ablation, Knockout knockout, Generate generate) {

    /**
     * Whether a job with these analyses gets the logit lens: when it asks for it, and when it
     * asks for nothing in particular ({@code a} null or empty). Ablation-, knockout- or
     * generation-only jobs get no lens work and no layer events.
     */
    public static boolean wantLens(Analyses a) {
      return a == null || a.logitLens() != null
          || (a.ablation() == null && a.knockout() == null && a.generate() == null);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LogitLens(Integer topK) {}

  /**
   * Ablation conditions ({@code none}, {@code object_b0}, {@code register}, {@code random_N},
   * {@code ig_N}, {@code cells:LIST}), the object buffer, the seed of random conditions, and the
   * replacement: {@code "mean"} (default, with an optional {@code .npy} path) or {@code "zero"}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Ablation(
      List<String> conditions, Integer buffer, Long seed, String meanVector, String replacement) {}

  /** Knockout edge sets (e.g. {@code object_b1->last}) and windows (names or {@code A-B}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Knockout(List<String> edgeSets, List<String> windows) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Generate(Integer maxNewTokens) {}
}
