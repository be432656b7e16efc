package io.lenscast.dashboard;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the dashboard needs from the configuration, parsed once and validated at start so a
 * bad value fails with one clear line instead of a surprise later.
 */
public record DashboardSettings(
    String host,
    int port,
    Path webRoot,
    String authToken,
    long maxUploadBytes,
    int wsClientBufferEvents,
    int maxJobs,
    String bootstrapServers,
    Map<String, String> kafkaProperties,
    Topics topics) {

  /** The topic names the dashboard reads from and writes to. */
  public record Topics(
      String jobs, String layers, String ablations, String knockouts, String results,
      String status, String aggregates) {}

  public DashboardSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("dashboard.port must be 0..65535, got " + port);
    }
    if (maxUploadBytes <= 0) {
      throw new IllegalArgumentException("dashboard.maxUploadBytes must be positive");
    }
    if (wsClientBufferEvents <= 0) {
      throw new IllegalArgumentException("dashboard.wsClientBufferEvents must be positive");
    }
    if (maxJobs <= 0) {
      throw new IllegalArgumentException("dashboard.maxJobs must be positive");
    }
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("the dashboard needs a Kafka bootstrap address");
    }
    if (authToken != null && authToken.isBlank()) {
      authToken = null;
    }
    kafkaProperties = Map.copyOf(kafkaProperties);
  }

  /**
   * Reads the {@code dashboard} and {@code kafka} sections of a lenscast config. {@code
   * bootstrapServers} is the address actually in use (the embedded broker's when none is
   * configured); {@code home} resolves a relative {@code webRoot}.
   */
  public static DashboardSettings fromConfig(JsonObject config, String bootstrapServers,
      Path home) {
    JsonObject dashboard = config.getJsonObject("dashboard", new JsonObject());
    JsonObject kafka = config.getJsonObject("kafka", new JsonObject());
    JsonObject topics = kafka.getJsonObject("topics", new JsonObject());
    Map<String, String> properties = new LinkedHashMap<>();
    kafka.getJsonObject("properties", new JsonObject())
        .forEach(e -> properties.put(e.getKey(), String.valueOf(e.getValue())));
    Path webRoot = home.resolve(dashboard.getString("webRoot", "web-ui")).normalize();
    return new DashboardSettings(
        dashboard.getString("host", "127.0.0.1"),
        dashboard.getInteger("port", 8080),
        webRoot,
        dashboard.getString("authToken"),
        dashboard.getLong("maxUploadBytes", 20L * 1024 * 1024),
        dashboard.getInteger("wsClientBufferEvents", 2048),
        dashboard.getInteger("maxJobs", 1000),
        bootstrapServers,
        properties,
        new Topics(
            topics.getString("jobs", "lenscast.jobs.v1"),
            topics.getString("layers", "lenscast.layers.v1"),
            topics.getString("ablations", "lenscast.ablations.v1"),
            topics.getString("knockouts", "lenscast.knockouts.v1"),
            topics.getString("results", "lenscast.results.v1"),
            topics.getString("status", "lenscast.status.v1"),
            topics.getString("aggregates", "lenscast.aggregates.v1")));
  }
}
