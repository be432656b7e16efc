package io.lenscast.dashboard;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.lenscast.events.EventCodec;
import io.lenscast.events.Schemas;
import java.io.IOException;
import java.util.Optional;

/**
 * The few top-level fields the dashboard needs from a {@code lenscast.layer} event (job, layer,
 * layer count), read with a streaming parser that skips the top-k arrays: a layer event is
 * ~60 kB of top-k the dashboard only forwards, so it is never bound to records on the hot path.
 */
record LayerHeader(String jobId, int layer, int numLayers) {

  /** The header when {@code json} is a layer event with a jobId and a layer index. */
  static Optional<LayerHeader> read(String json) {
    String schema = null;
    String jobId = null;
    int layer = -1;
    int numLayers = 0;
    try (JsonParser p = EventCodec.mapper().getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "schema" -> schema = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "jobId" -> jobId = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "layer" -> layer = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
          case "numLayers" ->
              numLayers = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    if (!Schemas.LAYER.equals(schema) || jobId == null || jobId.isBlank() || layer < 0) {
      return Optional.empty();
    }
    return Optional.of(new LayerHeader(jobId, layer, numLayers));
  }
}
