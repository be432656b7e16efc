package io.lenscast.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Small lookups over Jackson arrays that the manifest checks repeat. */
final class JsonArrays {
  private JsonArrays() {}

  static JsonNode find(JsonNode array, Predicate<JsonNode> match) {
    for (JsonNode element : array) {
      if (match.test(element)) {
        return element;
      }
    }
    throw new AssertionError("no matching element in " + array);
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(e -> texts.add(e.asText()));
    } else {
      texts.add(array.asText());
    }
    return texts;
  }
}
