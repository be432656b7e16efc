package io.lenscast.config;

import java.nio.file.Path;

/**
 * The whole validated configuration of one lenscast process, one section per verticle. Built
 * once at start by {@link ConfigLoader}; relative paths in it are resolved against
 * {@link #baseDir()}.
 */
public record LenscastConfig(
    KafkaSettings kafka,
    WorkerSettings worker,
    DashboardSettings dashboard,
    AggregatorSettings aggregator,
    Path baseDir) {

  /** A path from the configuration, absolute or relative to the lenscast home folder. */
  public Path resolve(String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p.normalize() : baseDir.resolve(p).normalize();
  }
}
