package io.lenscast.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    @JsonIgnore Path baseDir) {

  /**
   * The effective configuration as JSON text (secrets included: for handing to code that reads
   * sections itself, such as the dashboard; never log it).
   */
  public String toJson() {
    try {
      return new ObjectMapper().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A path from the configuration, absolute or relative to the lenscast home folder. */
  public Path resolve(String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p.normalize() : baseDir.resolve(p).normalize();
  }
}
