package io.lenscast.analysis.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.analysis.geometry.ObjectShape;
import io.lenscast.analysis.geometry.RleMask;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads COCO {@code instances_*.json} files with Jackson's streaming parser, one array element
 * at a time, so a 450 MB train2017 file never exists as one tree. {@link #scan} skips the
 * segmentations; {@link #shapes} reads them back for the annotations an experiment selected.
 */
public final class CocoReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CocoReader() {}

  /** Images, categories and annotation metadata, segmentations skipped. */
  public static CocoIndex scan(Path file) throws IOException {
    CocoIndex index = new CocoIndex();
    forEachArrayElement(file, (section, p) -> {
      switch (section) {
        case "images" -> {
          JsonNode n = p.readValueAsTree();
          index.addImage(new CocoImage(n.path("id").asLong(), n.path("file_name").asText(),
              n.path("width").asInt(), n.path("height").asInt()));
        }
        case "categories" -> {
          JsonNode n = p.readValueAsTree();
          index.addCategory(n.path("id").asInt(), n.path("name").asText());
        }
        case "annotations" -> index.addAnnotation(readInfo(p));
        default -> p.skipChildren();
      }
    });
    return index;
  }

  /**
   * Shapes (polygons, or the RLE mask of crowd annotations, with the box) of the given
   * annotation ids, labelled with their category names.
   */
  public static Map<Long, ObjectShape> shapes(Path file, Set<Long> annotationIds,
      CocoIndex index) throws IOException {
    Map<Long, ObjectShape> out = new HashMap<>();
    forEachArrayElement(file, (section, p) -> {
      if (!section.equals("annotations")) {
        p.skipChildren();
        return;
      }
      JsonNode n = p.readValueAsTree();
      long id = n.path("id").asLong();
      if (annotationIds.contains(id)) {
        out.put(id, toShape(n, index.categoryName(n.path("category_id").asInt())));
      }
    });
    return out;
  }

  static ObjectShape toShape(JsonNode n, String label) {
    double[] bbox = doubles(n.path("bbox"));
    JsonNode seg = n.path("segmentation");
    if (seg.isObject()) {
      JsonNode size = seg.path("size");
      int h = size.path(0).asInt();
      int w = size.path(1).asInt();
      JsonNode counts = seg.path("counts");
      RleMask mask = counts.isTextual() ? RleMask.fromCompressed(h, w, counts.asText())
          : RleMask.fromCounts(h, w, longs(counts));
      return new ObjectShape(label, bbox, null, mask);
    }
    List<double[]> polygons = new ArrayList<>();
    for (JsonNode poly : seg) {
      double[] p = doubles(poly);
      if (p.length >= 6) {
        polygons.add(p);
      }
    }
    return new ObjectShape(label, bbox, polygons, null);
  }

  private static CocoAnnotationInfo readInfo(JsonParser p) throws IOException {
    long id = 0;
    long imageId = 0;
    int category = 0;
    double area = 0;
    boolean crowd = false;
    double[] bbox = null;
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new IOException("an annotation is not a JSON object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "id" -> id = p.getLongValue();
        case "image_id" -> imageId = p.getLongValue();
        case "category_id" -> category = p.getIntValue();
        case "area" -> area = p.getDoubleValue();
        case "iscrowd" -> crowd = p.getIntValue() != 0;
        case "bbox" -> bbox = doubles(p.readValueAsTree());
        default -> p.skipChildren();
      }
    }
    return new CocoAnnotationInfo(id, imageId, category, area, crowd, bbox);
  }

  private interface ElementVisitor {
    /** Called with the parser on the element's first token; must consume the element. */
    void visit(String section, JsonParser parser) throws IOException;
  }

  private static void forEachArrayElement(Path file, ElementVisitor visitor) throws IOException {
    JsonFactory factory = MAPPER.getFactory();
    try (InputStream in = Files.newInputStream(file); JsonParser p = factory.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(file + ": not a COCO instances file (no top-level object)");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String section = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            visitor.visit(section, p);
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + ": malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static double[] doubles(JsonNode array) {
    if (array == null || !array.isArray()) {
      return null;
    }
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }
}
