package io.lenscast.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code config/default.json} seen the way the deployment uses it: the keys that exist, the
 * {@code LENSCAST_<SECTION>_<KEY>} environment variables that override them, and the values
 * (ports, topic names, group ids) the manifests must repeat.
 */
final class DefaultConfig {
  /** Maps whose keys are chosen by users (model names, Kafka client properties), not by code. */
  private static final Set<String> FREE_FORM_MAPS = Set.of("worker.models", "kafka.properties");

  private final JsonNode root;

  DefaultConfig(Path file) {
    this.root = DeployTree.parseJson(file);
  }

  /** An integer at a dotted path, e.g. port("kafka", "embedded", "port"). */
  int port(String... path) {
    JsonNode node = root;
    for (String key : path) {
      node = node.path(key);
    }
    if (!node.isInt()) {
      throw new AssertionError("config/default.json has no integer " + String.join(".", path));
    }
    return node.asInt();
  }

  String text(String section, String key) {
    return root.path(section).path(key).asText();
  }

  /** Topic names of kafka.topics (role -> name). */
  Map<String, String> topics() {
    Map<String, String> topics = new java.util.TreeMap<>();
    root.path("kafka").path("topics").fields()
        .forEachRemaining(e -> topics.put(e.getKey(), e.getValue().asText()));
    return topics;
  }

  /**
   * The config key a LENSCAST_ variable overrides, if any. The name after the prefix is split at
   * {@code _} and each part names an existing key, ignoring case, through nested sections
   * ("LENSCAST_DASHBOARD_PORT" = dashboard.port, "LENSCAST_KAFKA_EMBEDDED_PORT" =
   * kafka.embedded.port); inside a free-form map the rest of the name is the user's key.
   */
  Optional<String> keyOverriddenBy(String variable) {
    if (!variable.startsWith("LENSCAST_")) {
      return Optional.empty();
    }
    String[] parts = variable.substring("LENSCAST_".length()).split("_");
    JsonNode node = root;
    String dotted = "";
    for (int i = 0; i < parts.length; i++) {
      Optional<String> key = keyIgnoringCase(node, parts[i]);
      if (key.isEmpty()) {
        return Optional.empty();
      }
      dotted = dotted.isEmpty() ? key.get() : dotted + "." + key.get();
      if (FREE_FORM_MAPS.contains(dotted)) {
        return Optional.of(dotted);
      }
      node = node.get(key.get());
      if (i == parts.length - 1) {
        return node.isObject() ? Optional.empty() : Optional.of(dotted);
      }
      if (!node.isObject()) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<String> keyIgnoringCase(JsonNode node, String part) {
    Iterator<String> keys = node.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (key.equalsIgnoreCase(part)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /** Dotted paths in {@code overlay} that config/default.json does not define. */
  Set<String> unknownKeys(JsonNode overlay) {
    Set<String> unknown = new TreeSet<>();
    collectUnknown(overlay, root, "", unknown);
    return unknown;
  }

  private static void collectUnknown(JsonNode overlay, JsonNode defaults, String prefix,
      Set<String> unknown) {
    overlay.fields().forEachRemaining(e -> {
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (!defaults.has(e.getKey())) {
        unknown.add(path);
      } else if (e.getValue().isObject() && !FREE_FORM_MAPS.contains(path)) {
        collectUnknown(e.getValue(), defaults.get(e.getKey()), path, unknown);
      }
    });
  }
}
