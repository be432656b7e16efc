package io.lenscast.events;

/**
 * Where a running job sends its events, in order: a JSONL file for {@code analyze}, Kafka for
 * the worker. Implementations must be safe to call from the thread running the model.
 */
@FunctionalInterface
public interface EventSink {
  void emit(Event event);

  /**
   * How far a job without the logit lens has got ({@code done} of {@code total} steps: its
   * baseline run and each intervened run). Jobs with the lens report nothing here: their layer
   * events are their progress. A sink that shows no progress ignores it.
   */
  default void progress(String jobId, int done, int total) {}
}
