package io.lenscast.model.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.io.Npy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The golden fixtures of the tiny LLaVA ({@code fixtures/golden/manifest.json}): one record per
 * image x prompt, with its input ids, pixel values and the arrays transformers computed.
 * Paths are relative to the {@code shared} module (tests run there).
 */
public final class Golden {
  public static final Path FIXTURES = Path.of("fixtures");
  public static final Path TINY_MODEL = FIXTURES.resolve("tiny-llava-a");
  public static final Path GOLDEN = FIXTURES.resolve("golden");

  private static JsonNode manifest;

  private Golden() {}

  public static synchronized JsonNode manifest() {
    if (manifest == null) {
      try {
        manifest = new ObjectMapper().readTree(GOLDEN.resolve("manifest.json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return manifest;
  }

  /** One golden record. */
  public record Record(String key, JsonNode node) {
    public int[] inputIds() {
      return ints(node.get("input_ids"));
    }

    public String image() {
      return node.get("image").asText();
    }

    public boolean has(String field) {
      return node.hasNonNull(field);
    }

    public int[] intList(String field) {
      return ints(node.get(field));
    }

    public double[] doubleList(String field) {
      JsonNode a = node.get(field);
      double[] out = new double[a.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = a.get(i).doubleValue();
      }
      return out;
    }

    /** The .npy array a field names. */
    public Npy.Array array(String field) {
      return read(node.get(field).asText());
    }

    public float[] pixelValues() {
      return read(image() + "__pixel_values.npy").toFloats();
    }

    @Override
    public String toString() {
      return key;
    }
  }

  public static List<Record> records() {
    List<Record> out = new ArrayList<>();
    Iterator<String> keys = manifest().get("records").fieldNames();
    while (keys.hasNext()) {
      String k = keys.next();
      out.add(new Record(k, manifest().get("records").get(k)));
    }
    return out;
  }

  public static Npy.Array read(String file) {
    try {
      return Npy.read(GOLDEN.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).intValue();
    }
    return out;
  }
}
