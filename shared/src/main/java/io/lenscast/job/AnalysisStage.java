package io.lenscast.job;

import io.lenscast.events.EventSink;
import io.lenscast.events.JobEvent;
import io.lenscast.model.hooks.HookPoint;
import java.util.Set;

/**
 * An analysis that runs after a job's baseline forward and before its result event (object
 * ablation, attention knockout, ...): it reruns the model with interventions and emits its own
 * events. The job processor runs the stages in order; each decides from the job whether it has
 * work.
 */
public interface AnalysisStage {
  /** Short name, used as the key of the stage's time in the result's timings. */
  String name();

  /** Whether the job asks for this analysis. */
  boolean appliesTo(JobEvent job);

  /**
   * Refuses a job whose request for this analysis is malformed, before any model work (e.g. an
   * unknown ablation condition), with {@link JobFailedException#BAD_ANALYSIS}.
   */
  default void validate(JobEvent job) throws JobFailedException {}

  /** Hooks the baseline forward should capture for this stage (e.g. the projector output). */
  default Set<HookPoint> captures() {
    return Set.of();
  }

  /**
   * How many intervened runs the stage will make for this (validated) job: its share of the
   * progress total of a job without the lens. The stage calls {@code context.progress()
   * .advance()} after each.
   */
  default int steps(JobEvent job, int numLayers) {
    return 1;
  }

  void run(JobContext context, EventSink sink) throws JobFailedException;
}
