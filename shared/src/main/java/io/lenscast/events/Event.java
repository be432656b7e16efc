package io.lenscast.events;

/**
 * A value on one of lenscast's topics. Every event names its schema and version and the job it
 * belongs to; consumers ignore fields they do not know.
 */
public sealed interface Event
    permits JobEvent, LayerEvent, AblationEvent, KnockoutEvent, ResultEvent, StatusEvent {
  int VERSION = 1;

  String schema();

  int version();

  String jobId();
}
