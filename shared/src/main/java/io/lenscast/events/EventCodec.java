package io.lenscast.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JSON encoding of events (UTF-8, one object per value), tolerant of unknown fields. */
public final class EventCodec {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private EventCodec() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String toJson(Object event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] toBytes(Object event) {
    return toJson(event).getBytes(StandardCharsets.UTF_8);
  }

  public static <T> T fromJson(String json, Class<T> type) throws MalformedEventException {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new MalformedEventException("not a valid " + type.getSimpleName() + ": "
          + e.getOriginalMessage(), e);
    }
  }

  /** Decodes any lenscast event by its {@code "schema"} field. */
  public static Event parse(String json) throws MalformedEventException {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new MalformedEventException("not JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new MalformedEventException("not a JSON object", null);
    }
    String schema = node.path("schema").asText("");
    Class<? extends Event> type = switch (schema) {
      case Schemas.JOB -> JobEvent.class;
      case Schemas.LAYER -> LayerEvent.class;
      case Schemas.ABLATION -> AblationEvent.class;
      case Schemas.KNOCKOUT -> KnockoutEvent.class;
      case Schemas.RESULT -> ResultEvent.class;
      case Schemas.STATUS -> StatusEvent.class;
      default -> throw new MalformedEventException("unknown schema '" + schema + "'", null);
    };
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new MalformedEventException("not a valid " + schema + ": " + e.getOriginalMessage(),
          e);
    }
  }

  /** Thrown for bytes that are not a well-formed lenscast event. */
  public static final class MalformedEventException extends Exception {
    public MalformedEventException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
