package io.lenscast.analysis.dataset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.analysis.geometry.ObjectShape;
import io.lenscast.events.JobEvent.ObjectAnnotation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A folder of images, each with an optional sidecar JSON of the same base name
 * ({@code cat.png} + {@code cat.json}) holding {@code {"class": "cat", "question": "...",
 * "objects": [{"label", "bbox": [x, y, w, h], "polygons": [[x1, y1, ...]]}]}} in original
 * pixels, the same object shape jobs carry. The target is the object labelled with the class
 * (else the first object). Images are listed in file-name order; sizes are read from headers.
 */
public final class SidecarFolder {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The sidecar's content. */
  private record Sidecar(String className, String question, List<ObjectAnnotation> objects) {}

  private SidecarFolder() {}

  public static List<LabeledImage> list(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException(folder + " is not a folder");
    }
    List<Path> images;
    try (Stream<Path> s = Files.list(folder)) {
      images = s.filter(SidecarFolder::isImage).sorted().toList();
    }
    List<LabeledImage> out = new ArrayList<>();
    for (Path image : images) {
      out.add(read(image));
    }
    return out;
  }

  static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(p)
        && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
  }

  static LabeledImage read(Path image) throws IOException {
    int[] size = imageSize(image);
    String name = image.getFileName().toString();
    Path sidecar = image.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".json");
    if (!Files.exists(sidecar)) {
      return new LabeledImage(name, image, size[0], size[1], null, null, List.of(), null);
    }
    Sidecar car;
    List<ObjectShape> objects = new ArrayList<>();
    try {
      car = parse(MAPPER.readTree(sidecar.toFile()));
      if (car.objects() != null) {
        for (ObjectAnnotation a : car.objects()) {
          objects.add(new ObjectShape(a.label(), a.bbox(), a.polygons(), null));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException(sidecar + ": " + e.getMessage(), e);
    }
    ObjectShape target = objects.stream()
        .filter(o -> car.className() != null && car.className().equals(o.label())).findFirst()
        .orElse(objects.isEmpty() ? null : objects.get(0));
    return new LabeledImage(name, image, size[0], size[1], car.className(), target, objects,
        car.question());
  }

  /** Width and height from the image header, without decoding the pixels. */
  public static int[] imageSize(Path image) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
      var readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IOException(image + ": not a readable image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    }
  }

  private static Sidecar parse(JsonNode node) throws IOException {
    if (node == null || !node.isObject()) {
      throw new IOException("a sidecar must be a JSON object");
    }
    List<ObjectAnnotation> objects = null;
    if (node.has("objects")) {
      objects = List.of(MAPPER.treeToValue(node.get("objects"), ObjectAnnotation[].class));
    }
    return new Sidecar(text(node, "class"), text(node, "question"), objects);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
