package io.lenscast.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code kafka} section: an external cluster ({@code bootstrapServers}) or the embedded
 * broker, client properties passed through to every Kafka client (SASL/TLS settings live
 * there), and the topic names.
 */
public record KafkaSettings(
    String bootstrapServers, Embedded embedded, Map<String, String> properties, TopicNames topics) {

  /** The in-process single-node KRaft broker of {@code ./lenscast up}. */
  public record Embedded(String host, int port, int controllerPort, String dataDir,
      int partitions) {}

  /** Topic names, one per role; see CONTRACTS.md for the defaults. */
  public record TopicNames(String jobs, String layers, String ablations, String knockouts,
      String results, String status, String aggregates, String dlq) {}

  /** True when {@code up} must start the embedded broker (no external cluster configured). */
  public boolean useEmbedded() {
    return bootstrapServers == null || bootstrapServers.isBlank();
  }

  /** The bootstrap address clients use: the external cluster or the embedded listener. */
  public String effectiveBootstrapServers() {
    return useEmbedded() ? embedded.host() + ":" + embedded.port() : bootstrapServers;
  }

  /** Client properties with values of secret-looking keys masked, for logs. */
  public Map<String, String> redactedProperties() {
    Map<String, String> out = new TreeMap<>();
    properties.forEach((k, v) -> out.put(k, Secrets.looksSecret(k) ? "****" : v));
    return out;
  }

  @Override
  public String toString() {
    return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", embedded=" + embedded
        + ", properties=" + redactedProperties() + ", topics=" + topics + "]";
  }
}
