package io.lenscast.analysis.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarFolderTest {
  @Test
  void listsImagesWithTheirSidecarLabelsAndHeaderSizes(@TempDir Path dir) throws IOException {
    ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png",
        dir.resolve("b.png").toFile());
    ImageIO.write(new BufferedImage(20, 50, BufferedImage.TYPE_INT_RGB), "png",
        dir.resolve("a.png").toFile());
    Files.writeString(dir.resolve("a.json"), """
        {"class": "cat", "question": "What is it?", "objects": [
          {"label": "dog", "bbox": [1, 2, 3, 4]},
          {"label": "cat", "polygons": [[0, 0, 10, 0, 10, 10]]}]}
        """);
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    List<LabeledImage> images = SidecarFolder.list(dir);
    assertEquals(2, images.size());
    LabeledImage a = images.get(0);
    assertEquals("a.png", a.key());
    assertEquals(20, a.width());
    assertEquals(50, a.height());
    assertEquals("cat", a.className());
    assertEquals("cat", a.target().label());
    assertArrayEquals(new double[] {0, 0, 10, 0, 10, 10}, a.target().polygons().get(0));
    assertEquals("What is it?", a.question());
    assertEquals(2, a.objects().size());
    LabeledImage b = images.get(1);
    assertNull(b.className());
    assertNull(b.target());
    assertEquals(40, b.width());
  }

  @Test
  void aBrokenSidecarNamesItsFile(@TempDir Path dir) throws IOException {
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png",
        dir.resolve("x.png").toFile());
    Files.writeString(dir.resolve("x.json"), "{\"objects\": [{\"label\": \"a\"}]}");
    IOException e = assertThrows(IOException.class, () -> SidecarFolder.list(dir));
    assertTrue(e.getMessage().contains("x.json"), e.getMessage());
  }
}
