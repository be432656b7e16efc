package io.lenscast.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A small COCO-format data set drawn on the fly: 320x240 PNGs with known objects and their
 * exact polygons. Images 1-3 pass {@code paper-ablation} (a kite triangle of 1500 px^2 and a
 * bus rectangle of 6000 px^2); image 3's kite lies left of the model's center crop; images
 * 10-11 pass {@code paper-lens} (one dog rectangle of 25000 px^2); image 20 has 4 annotations
 * and passes nothing. Questions exist for images 1, 2 and 3.
 */
final class SyntheticCoco {
  static final int W = 320;
  static final int H = 240;

  private SyntheticCoco() {}

  /** Writes {@code images/}, {@code instances.json} and {@code questions.json} under dir. */
  static void write(Path dir) throws IOException {
    Path images = Files.createDirectories(dir.resolve("images"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ArrayNode imgs = root.putArray("images");
    ArrayNode anns = root.putArray("annotations");
    ArrayNode cats = root.putArray("categories");
    cats.addObject().put("id", 38).put("name", "kite").put("supercategory", "sports");
    cats.addObject().put("id", 6).put("name", "bus").put("supercategory", "vehicle");
    cats.addObject().put("id", 18).put("name", "dog").put("supercategory", "animal");
    int[] annId = {1};
    // kites: triangles of 1500 / 1512 px^2; image 3's lies in x < 40, which the center crop
    // (resized 448x336, left 56 = 40 original px) cuts off
    Map<Integer, int[]> kites = new LinkedHashMap<>();
    kites.put(1, new int[] {150, 90, 210, 90, 180, 40});
    kites.put(2, new int[] {200, 200, 260, 200, 230, 150});
    kites.put(3, new int[] {2, 184, 38, 184, 20, 100});
    for (Map.Entry<Integer, int[]> k : kites.entrySet()) {
      int[] kite = k.getValue();
      int[] bus = {60, 170, 160, 170, 160, 230, 60, 230};
      draw(images.resolve(k.getKey() + ".png"), kite, Color.RED, bus, Color.BLUE);
      image(imgs, k.getKey());
      annotation(anns, annId, k.getKey(), 38, kite, k.getKey() == 3 ? 1512 : 1500);
      annotation(anns, annId, k.getKey(), 6, bus, 6000);
    }
    for (int id : new int[] {10, 11}) {
      int[] dog = {60, 60, 260, 60, 260, 185, 60, 185};
      draw(images.resolve(id + ".png"), dog, new Color(120, 70 + id, 20), null, null);
      image(imgs, id);
      annotation(anns, annId, id, 18, dog, 25000);
    }
    draw(images.resolve("20.png"), new int[] {0, 0, 10, 0, 10, 10}, Color.GREEN, null, null);
    image(imgs, 20);
    for (int i = 0; i < 4; i++) {
      annotation(anns, annId, 20, 38, new int[] {0, 0, 10, 0, 10, 10}, 1500);
    }
    json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("instances.json").toFile(),
        root);
    Files.writeString(dir.resolve("questions.json"), "{\"1\": [\"What is in the sky?\"],"
        + " \"2\": [\"What is flying above the bus?\"], \"3\": [\"What is on the left?\"],"
        + " \"10\": []}");
  }

  private static void image(ArrayNode imgs, int id) {
    imgs.addObject().put("id", id).put("file_name", id + ".png").put("width", W)
        .put("height", H);
  }

  private static void annotation(ArrayNode anns, int[] nextId, int imageId, int category,
      int[] polygon, double area) {
    ObjectNode a = anns.addObject();
    ArrayNode seg = a.putArray("segmentation").addArray();
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = Integer.MIN_VALUE;
    int maxY = Integer.MIN_VALUE;
    for (int i = 0; i < polygon.length; i += 2) {
      seg.add(polygon[i]).add(polygon[i + 1]);
      minX = Math.min(minX, polygon[i]);
      maxX = Math.max(maxX, polygon[i]);
      minY = Math.min(minY, polygon[i + 1]);
      maxY = Math.max(maxY, polygon[i + 1]);
    }
    a.put("area", area).put("iscrowd", 0).put("image_id", imageId)
        .put("category_id", category).put("id", nextId[0]++);
    a.putArray("bbox").add(minX).add(minY).add(maxX - minX).add(maxY - minY);
  }

  private static void draw(Path file, int[] first, Color firstColor, int[] second,
      Color secondColor) throws IOException {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(135, 190, 235), 0, H,
        new Color(90, 160, 90)));
    g.fillRect(0, 0, W, H);
    fill(g, first, firstColor);
    if (second != null) {
      fill(g, second, secondColor);
    }
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }

  private static void fill(Graphics2D g, int[] polygon, Color color) {
    Polygon p = new Polygon();
    for (int i = 0; i < polygon.length; i += 2) {
      p.addPoint(polygon[i], polygon[i + 1]);
    }
    g.setColor(color);
    g.fillPolygon(p);
  }
}
