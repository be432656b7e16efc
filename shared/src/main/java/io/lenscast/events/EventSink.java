package io.lenscast.events;

/**
 * Where a running job sends its events, in order: a JSONL file for {@code analyze}, Kafka for
 * the worker. Implementations must be safe to call from the thread running the model.
 */
@FunctionalInterface
public interface EventSink {
  void emit(Event event);
}
