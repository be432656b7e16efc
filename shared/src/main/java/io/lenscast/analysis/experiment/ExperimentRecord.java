package io.lenscast.analysis.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lenscast.analysis.lens.LensScore;
import io.lenscast.events.AblationEvent;
import io.lenscast.events.KnockoutEvent;
import java.util.List;

/**
 * The result of one dataset item, keyed like the reference's results file by image id:
 * {@code done} with its events (or lens score), or {@code skipped} with the reason (baseline
 * wrong, context control, object outside the crop, unreadable image...). A skipped item is a
 * result too, so a resumed run does not try it again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentRecord(
    String key,
    String status,
    String reason,
    String className,
    List<AblationEvent> ablations,
    List<KnockoutEvent> knockouts,
    LensScore lens) {
  public static final String DONE = "done";
  public static final String SKIPPED = "skipped";

  public static ExperimentRecord skipped(String key, String className, String reason) {
    return new ExperimentRecord(key, SKIPPED, reason, className, null, null, null);
  }

  public boolean done() {
    return DONE.equals(status);
  }
}
