package io.lenscast.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies {@code LENSCAST_*} environment variables to the configuration tree. The name after the
 * prefix is split at {@code _}; each part picks the existing key of that name ignoring case
 * ({@code LENSCAST_KAFKA_BOOTSTRAPSERVERS} = {@code kafka.bootstrapServers},
 * {@code LENSCAST_KAFKA_EMBEDDED_PORT} = {@code kafka.embedded.port}). Inside the free-form maps
 * {@code kafka.properties} and {@code worker.models} the rest of the name becomes one key,
 * lower-cased, with {@code _} read as {@code .} for Kafka properties
 * ({@code LENSCAST_KAFKA_PROPERTIES_SASL_MECHANISM} = {@code sasl.mechanism}). Values are
 * typed like the value they replace; {@code null} clears a value.
 */
final class EnvOverrides {
  static final String PREFIX = "LENSCAST_";
  private static final Map<String, String> FREE_FORM = Map.of(
      "kafka.properties", ".", "worker.models", "_");

  private EnvOverrides() {}

  static void apply(ObjectNode root, Map<String, String> env) {
    new TreeMap<>(env).forEach((name, value) -> {
      if (name.startsWith(PREFIX) && !name.equals("LENSCAST_JAVA_OPTS")) {
        applyOne(root, name, value);
      }
    });
  }

  private static void applyOne(ObjectNode root, String name, String value) {
    String[] parts = name.substring(PREFIX.length()).split("_");
    ObjectNode node = root;
    String dotted = "";
    for (int i = 0; i < parts.length; i++) {
      String key = findKey(node, parts[i]);
      if (key == null) {
        throw new ConfigException("environment variable " + name + " names no config key ('"
            + parts[i].toLowerCase(Locale.ROOT) + "' is not in " + (dotted.isEmpty() ? "the root"
            : dotted) + ")");
      }
      dotted = dotted.isEmpty() ? key : dotted + "." + key;
      String joiner = FREE_FORM.get(dotted);
      if (joiner != null && i + 1 < parts.length) {
        String mapKey = String.join(joiner, java.util.Arrays.copyOfRange(parts, i + 1,
            parts.length)).toLowerCase(Locale.ROOT);
        ObjectNode map = node.get(key) instanceof ObjectNode m ? m : node.putObject(key);
        map.put(mapKey, value);
        return;
      }
      if (i == parts.length - 1) {
        node.set(key, typed(node.get(key), value, name));
        return;
      }
      if (!(node.get(key) instanceof ObjectNode child)) {
        throw new ConfigException("environment variable " + name + ": " + dotted
            + " is not a section");
      }
      node = child;
    }
  }

  private static String findKey(ObjectNode node, String part) {
    for (var it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.equalsIgnoreCase(part)) {
        return key;
      }
    }
    return null;
  }

  private static JsonNode typed(JsonNode old, String value, String name) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value.equals("null")) {
      return f.nullNode();
    }
    if (old != null && old.isNumber()) {
      try {
        return old.isIntegralNumber() ? f.numberNode(Long.parseLong(value.trim()))
            : f.numberNode(Double.parseDouble(value.trim()));
      } catch (NumberFormatException e) {
        throw new ConfigException("environment variable " + name + " must be a number, got '"
            + value + "'");
      }
    }
    if (old != null && old.isBoolean()) {
      if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
        throw new ConfigException("environment variable " + name + " must be true or false");
      }
      return f.booleanNode(Boolean.parseBoolean(value));
    }
    return f.textNode(value);
  }
}
