package io.lenscast.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * {@code text_config.rope_scaling} as transformers reads it: the type under {@code type} (old
 * spelling, wins when both are present, as LlamaConfig copies it over) or {@code rope_type}, and
 * the parameters each supported type needs. Types whose cos/sin need an attention factor
 * ({@code yarn}, {@code longrope}, ...) are refused, so every supported type leaves the tables
 * unscaled.
 *
 * @param factor the scaling factor (1 for {@code default})
 * @param lowFreqFactor llama3 only: wavelengths above original / low are divided by factor
 * @param highFreqFactor llama3 only: wavelengths below original / high are kept
 * @param originalMaxPositionEmbeddings llama3 only: the pre-training context length
 */
public record RopeScaling(Type type, double factor, double lowFreqFactor, double highFreqFactor,
    int originalMaxPositionEmbeddings) {

  /** The supported {@code rope_type}s. */
  public enum Type {
    DEFAULT, LINEAR, DYNAMIC, LLAMA3;

    String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** No scaling: what an absent or null {@code rope_scaling} means. */
  public static final RopeScaling NONE = new RopeScaling(Type.DEFAULT, 1.0, 0, 0, 0);

  private static final String SUPPORTED = "default, linear, dynamic, llama3";

  /** Binds {@code node} (null or JSON null: {@link #NONE}). */
  static RopeScaling from(JsonNode node) {
    if (node == null || node.isNull()) {
      return NONE;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("text_config.rope_scaling must be an object, got " + node);
    }
    JsonFields f = new JsonFields(node, "text_config.rope_scaling");
    String name = f.string("type", f.string("rope_type", null));
    if (name == null) {
      throw new IllegalArgumentException(
          "text_config.rope_scaling " + node + " names no type or rope_type");
    }
    Type type = typeOf(name);
    if (type == Type.DEFAULT) {
      return NONE;
    }
    double factor = required(f, "factor", type);
    if (!(factor > 0)) {
      throw new IllegalArgumentException(
          "text_config.rope_scaling.factor must be > 0, got " + factor);
    }
    if (type != Type.LLAMA3) {
      return new RopeScaling(type, factor, 0, 0, 0);
    }
    double low = required(f, "low_freq_factor", type);
    double high = required(f, "high_freq_factor", type);
    if (!(high > low)) {
      throw new IllegalArgumentException("text_config.rope_scaling.high_freq_factor (" + high
          + ") must be greater than low_freq_factor (" + low + ")");
    }
    if (!f.has("original_max_position_embeddings")) {
      throw missing("original_max_position_embeddings", type);
    }
    return new RopeScaling(type, factor, low, high,
        f.integer("original_max_position_embeddings", 0));
  }

  private static Type typeOf(String name) {
    for (Type t : Type.values()) {
      if (t.jsonName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("text_config.rope_scaling type '" + name
        + "' is not supported (supported: " + SUPPORTED + ")");
  }

  private static double required(JsonFields f, String field, Type type) {
    if (!f.has(field)) {
      throw missing(field, type);
    }
    return f.number(field, 0);
  }

  private static IllegalArgumentException missing(String field, Type type) {
    return new IllegalArgumentException(
        "text_config.rope_scaling of type '" + type.jsonName() + "' needs " + field);
  }
}
