package io.lenscast.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.lenscast.events.EventCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code lenscast.layer} event re-encoded for the browser: the same layer in about a third of
 * the bytes and with flat arrays that parse fast, so a dashboard keeps up with a GPU worker's
 * stream. Each distinct top-k word is sent once per layer ({@code words}); {@code top} holds,
 * row-major over [positions, k], the index of each entry's word (-1 where a row is short) and
 * {@code p} its probability as an integer in units of 1/{@code pScale}. Token ids are left out
 * (the full event stays available from the default subscription and {@code /api/jobs/{id}}).
 *
 * <pre>
 * {"type":"layer","jobId":..,"layer":3,"numLayers":33,"imageStart":5,"grid":[24,24],
 *  "positions":[5,..,580,594],"emittedAtMs":..,"k":5,"pScale":10000,
 *  "words":["▁cat",..],"top":[0,7,..],"p":[8123,402,..]}
 * </pre>
 */
final class CompactLayerFrame {
  static final int P_SCALE = 10_000;

  private CompactLayerFrame() {}

  /** The compact frame of a layer event's JSON, or empty when it is not a well-formed one. */
  static Optional<String> of(String eventJson) {
    try (JsonParser p = EventCodec.mapper().getFactory().createParser(eventJson)) {
      Layer layer = read(p);
      return layer.complete() ? Optional.of(write(layer)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The fields of a layer event the browser uses. */
  private static final class Layer {
    String schema;
    String jobId;
    int layer = -1;
    int numLayers;
    Integer imageStart;
    List<Integer> grid;
    List<Integer> positions;
    Long emittedAtMs;
    List<List<String>> tokens;
    List<List<Double>> probs;

    boolean complete() {
      return "lenscast.layer".equals(schema) && jobId != null && layer >= 0 && tokens != null
          && probs != null && tokens.size() == probs.size();
    }
  }

  private static Layer read(JsonParser p) throws IOException {
    Layer l = new Layer();
    expect(p.nextToken(), JsonToken.START_OBJECT);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "schema" -> l.schema = value == JsonToken.VALUE_STRING ? p.getText() : null;
        case "jobId" -> l.jobId = value == JsonToken.VALUE_STRING ? p.getText() : null;
        case "layer" -> l.layer = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
        case "numLayers" -> l.numLayers = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
        case "imageStart" -> l.imageStart = value == JsonToken.VALUE_NUMBER_INT
            ? p.getIntValue() : null;
        case "emittedAtMs" -> l.emittedAtMs = value == JsonToken.VALUE_NUMBER_INT
            ? p.getLongValue() : null;
        case "grid" -> l.grid = ints(p, value);
        case "positions" -> l.positions = ints(p, value);
        case "topk" -> readTopK(p, value, l);
        default -> p.skipChildren();
      }
    }
    return l;
  }

  private static void readTopK(JsonParser p, JsonToken start, Layer l) throws IOException {
    if (start != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "tokens" -> l.tokens = rows(p, value, JsonParser::getText);
        case "probs" -> l.probs = rows(p, value, JsonParser::getDoubleValue);
        default -> p.skipChildren();
      }
    }
  }

  private interface Cell<T> {
    T read(JsonParser p) throws IOException;
  }

  /** [[...], ...] read row by row; a null entry stays null. */
  private static <T> List<List<T>> rows(JsonParser p, JsonToken start, Cell<T> cell)
      throws IOException {
    expect(start, JsonToken.START_ARRAY);
    List<List<T>> out = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_ARRAY) {
      List<T> row = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        row.add(p.currentToken() == JsonToken.VALUE_NULL ? null : cell.read(p));
      }
      out.add(row);
    }
    return out;
  }

  private static List<Integer> ints(JsonParser p, JsonToken start) throws IOException {
    if (start != JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    List<Integer> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(p.getIntValue());
    }
    return out;
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + ", found " + actual);
    }
  }

  private static String write(Layer l) throws IOException {
    int k = 0;
    for (List<String> row : l.tokens) {
      k = Math.max(k, row.size());
    }
    Map<String, Integer> wordIndex = new HashMap<>();
    List<String> words = new ArrayList<>();
    StringWriter out = new StringWriter(l.tokens.size() * k * 10);
    try (JsonGenerator g = EventCodec.mapper().getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", "layer");
      g.writeStringField("jobId", l.jobId);
      g.writeNumberField("layer", l.layer);
      g.writeNumberField("numLayers", l.numLayers);
      if (l.imageStart != null) {
        g.writeNumberField("imageStart", l.imageStart);
      }
      writeInts(g, "grid", l.grid);
      writeInts(g, "positions", l.positions);
      if (l.emittedAtMs != null) {
        g.writeNumberField("emittedAtMs", l.emittedAtMs);
      }
      g.writeNumberField("k", k);
      g.writeNumberField("pScale", P_SCALE);
      // [rows, k] word indices and scaled probabilities
      int[] top = new int[l.tokens.size() * k];
      int[] prob = new int[top.length];
      for (int r = 0; r < l.tokens.size(); r++) {
        List<String> tokens = l.tokens.get(r);
        List<Double> probs = l.probs.get(r);
        for (int j = 0; j < k; j++) {
          String word = j < tokens.size() ? tokens.get(j) : null;
          Double pr = j < probs.size() ? probs.get(j) : null;
          top[r * k + j] = word == null ? -1 : wordIndex.computeIfAbsent(word, w -> {
            words.add(w);
            return words.size() - 1;
          });
          prob[r * k + j] = word == null || pr == null ? 0 : (int) Math.round(pr * P_SCALE);
        }
      }
      g.writeArrayFieldStart("words");
      for (String w : words) {
        g.writeString(w);
      }
      g.writeEndArray();
      g.writeFieldName("top");
      g.writeArray(top, 0, top.length);
      g.writeFieldName("p");
      g.writeArray(prob, 0, prob.length);
      g.writeEndObject();
    }
    return out.toString();
  }

  private static void writeInts(JsonGenerator g, String name, List<Integer> values)
      throws IOException {
    if (values == null) {
      return;
    }
    g.writeArrayFieldStart(name);
    for (int v : values) {
      g.writeNumber(v);
    }
    g.writeEndArray();
  }
}
