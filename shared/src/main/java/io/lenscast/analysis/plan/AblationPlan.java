package io.lenscast.analysis.plan;

import io.lenscast.analysis.ablation.AblationCondition;
import io.lenscast.analysis.ablation.AblationConditions;
import io.lenscast.events.JobEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's ablation request, validated before any model work: the parsed conditions, the object
 * buffer (default 1, the paper's main setting), the seed of random conditions (default 0), the
 * replacement and the mean-vector file.
 *
 * <p>Replacement: {@code zero}, or {@code mean} with a {@code .npy} file (its sha256 goes into
 * every event), or {@code mean} without a file, which uses the mean of the image's own visual
 * embeddings (reported as {@code image-mean}; this is what the golden fixture's ablation does).
 */
public record AblationPlan(
    List<AblationCondition> conditions, int buffer, long seed, String replacement,
    String meanVectorPath) {
  public static final int DEFAULT_BUFFER = 1;
  public static final String ZERO = "zero";
  public static final String MEAN = "mean";
  public static final String IMAGE_MEAN = "image-mean";

  /**
   * @throws IllegalArgumentException with a one-line reason for a malformed request
   */
  public static AblationPlan of(JobEvent.Ablation a, int rows, int cols) {
    if (a.conditions() == null || a.conditions().isEmpty()) {
      throw new IllegalArgumentException("ablation needs at least one condition");
    }
    int buffer = a.buffer() == null ? DEFAULT_BUFFER : a.buffer();
    if (buffer < 0 || buffer > 23) {
      throw new IllegalArgumentException("ablation buffer must be 0..23, got " + buffer);
    }
    List<AblationCondition> conditions = new ArrayList<>();
    for (String c : a.conditions()) {
      conditions.add(AblationConditions.parse(c, buffer, rows, cols));
    }
    String replacement = a.replacement() == null ? MEAN : a.replacement();
    if (!replacement.equals(MEAN) && !replacement.equals(ZERO)) {
      throw new IllegalArgumentException("ablation replacement must be mean or zero, got '"
          + replacement + "'");
    }
    if (replacement.equals(ZERO) && a.meanVector() != null) {
      throw new IllegalArgumentException("a mean vector file makes no sense with zero"
          + " replacement");
    }
    String kind = replacement.equals(MEAN) && a.meanVector() == null ? IMAGE_MEAN : replacement;
    return new AblationPlan(List.copyOf(conditions), buffer, a.seed() == null ? 0 : a.seed(),
        kind, a.meanVector());
  }

  public boolean needsObject() {
    return conditions.stream().anyMatch(c -> c instanceof AblationCondition.ObjectTokens);
  }

  public boolean needsIntegratedGradients() {
    return conditions.stream()
        .anyMatch(c -> c instanceof AblationCondition.IntegratedGradients);
  }
}
