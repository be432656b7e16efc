package io.lenscast.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the {@link LenscastConfig} of a process: the bundled {@code config/default.json},
 * overlaid by an optional {@code --config FILE} (deep merge), overlaid by {@code LENSCAST_*}
 * environment variables (see {@link EnvOverrides}), then bound to records with unknown keys
 * rejected and every value checked by {@link ConfigValidator}.
 */
public final class ConfigLoader {
  static final String DEFAULTS_RESOURCE = "/config/default.json";
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

  private ConfigLoader() {}

  /** Defaults + {@code file} (may be null) + environment, relative paths against baseDir. */
  public static LenscastConfig load(Path file, Map<String, String> env, Path baseDir) {
    ObjectNode tree = defaults();
    if (file != null) {
      merge(tree, readFile(file));
    }
    EnvOverrides.apply(tree, env);
    return bind(tree, baseDir);
  }

  /** Defaults overlaid by a JSON document given inline (tests and embedding code). */
  public static LenscastConfig fromOverlay(String overlayJson, Path baseDir) {
    ObjectNode tree = defaults();
    try {
      merge(tree, MAPPER.readTree(overlayJson));
    } catch (JsonProcessingException e) {
      throw new ConfigException("config overlay is not JSON: " + e.getOriginalMessage(), e);
    }
    return bind(tree, baseDir);
  }

  /** The lenscast home: {@code -Dlenscast.home} (set by ./lenscast) or the working folder. */
  public static Path home() {
    String home = System.getProperty("lenscast.home");
    return Path.of(home == null ? "" : home).toAbsolutePath().normalize();
  }

  static ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new ConfigException("bundled " + DEFAULTS_RESOURCE + " is missing from the build");
      }
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new ConfigException("cannot read bundled defaults: " + e.getMessage(), e);
    }
  }

  private static JsonNode readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file " + file + " does not exist");
    }
    try {
      JsonNode node = MAPPER.readTree(file.toFile());
      if (node == null || !node.isObject()) {
        throw new ConfigException("config file " + file + " must hold a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ConfigException("config file " + file + " is not valid JSON: "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Objects merge key by key; anything else in the overlay replaces the base value. */
  static void merge(ObjectNode base, JsonNode overlay) {
    overlay.properties().forEach(entry -> {
      JsonNode existing = base.get(entry.getKey());
      if (existing instanceof ObjectNode obj && entry.getValue().isObject()) {
        merge(obj, entry.getValue());
      } else {
        base.set(entry.getKey(), entry.getValue());
      }
    });
  }

  private static LenscastConfig bind(ObjectNode tree, Path baseDir) {
    Sections sections;
    try {
      sections = MAPPER.treeToValue(tree, Sections.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException("unknown config key '" + e.getPropertyName() + "' at "
          + path(e) + " (known: " + e.getKnownPropertyIds() + ")", e);
    } catch (JsonProcessingException e) {
      throw new ConfigException("bad config value at " + path(e) + ": " + e.getOriginalMessage(),
          e);
    }
    LenscastConfig config = new LenscastConfig(sections.kafka(), sections.worker(),
        sections.dashboard(), sections.aggregator(), baseDir.toAbsolutePath().normalize());
    ConfigValidator.validate(config);
    return config;
  }

  private static String path(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
      StringBuilder sb = new StringBuilder();
      for (var ref : m.getPath()) {
        if (ref.getFieldName() != null) {
          sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
        }
      }
      return sb.isEmpty() ? "(root)" : sb.toString();
    }
    return "(unknown)";
  }

  /** The file's shape: exactly these four sections. */
  private record Sections(KafkaSettings kafka, WorkerSettings worker, DashboardSettings dashboard,
      AggregatorSettings aggregator) {}
}
