package io.lenscast.kafka;

/** The roles of lenscast's topics; {@link Topics} maps each to its configured name. */
public enum Topic {
  JOBS, LAYERS, ABLATIONS, KNOCKOUTS, RESULTS, STATUS, AGGREGATES, DLQ
}
