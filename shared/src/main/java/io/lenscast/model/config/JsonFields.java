package io.lenscast.model.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads optional fields of one section of a Hugging Face {@code config.json}: the Hub's files
 * omit every field left at its default, so every read names its default. A field of the wrong
 * type is an error naming the section and field.
 */
final class JsonFields {
  private final JsonNode node;
  private final String section;

  JsonFields(JsonNode node, String section) {
    this.node = node;
    this.section = section;
  }

  boolean has(String field) {
    return node != null && node.hasNonNull(field);
  }

  JsonNode get(String field) {
    return has(field) ? node.get(field) : null;
  }

  int integer(String field, int dflt) {
    if (!has(field)) {
      return dflt;
    }
    JsonNode v = node.get(field);
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException(section + "." + field + " must be an integer, got " + v);
    }
    return v.intValue();
  }

  double number(String field, double dflt) {
    if (!has(field)) {
      return dflt;
    }
    JsonNode v = node.get(field);
    if (!v.isNumber()) {
      throw new IllegalArgumentException(section + "." + field + " must be a number, got " + v);
    }
    return v.doubleValue();
  }

  boolean bool(String field, boolean dflt) {
    if (!has(field)) {
      return dflt;
    }
    JsonNode v = node.get(field);
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(section + "." + field + " must be true/false, got " + v);
    }
    return v.booleanValue();
  }

  String string(String field, String dflt) {
    if (!has(field)) {
      return dflt;
    }
    JsonNode v = node.get(field);
    if (!v.isTextual()) {
      throw new IllegalArgumentException(section + "." + field + " must be a string, got " + v);
    }
    return v.textValue();
  }
}
