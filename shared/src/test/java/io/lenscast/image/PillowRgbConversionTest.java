package io.lenscast.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lenscast.io.Npy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Decoding + RGB conversion against Pillow 9.4.0's {@code convert("RGB")} on every mode a user
 * may send (reference files made by {@code src/test/resources/pil/make_fixtures.py}), and on
 * images built here with Java's own writers.
 */
class PillowRgbConversionTest {
  private static final Path PIL = Path.of("src/test/resources/pil");
  private final ImageDecoder decoder = new ImageDecoder(1_000_000);

  @ParameterizedTest
  @ValueSource(strings = {"rgba.png", "grey.png", "grey_alpha.png", "palette.png",
      "palette_transparent.png", "palette_gif.gif", "bmp24.bmp", "grey16.png", "bilevel.png",
      "cmyk.jpg", "ycck.jpg"})
  void decodesEveryModeToTheSameRgbAsPillow(String file) throws Exception {
    RgbImage image = decoder.decode(Files.readAllBytes(PIL.resolve(file)));
    Npy.Array expected = Npy.read(PIL.resolve(file.substring(0, file.lastIndexOf('.'))
        + ".rgb.npy"));
    assertEquals(expected.shape()[0], image.height());
    assertEquals(expected.shape()[1], image.width());
    byte[] want = new byte[(int) expected.size()];
    expected.data().duplicate().get(want);
    assertArrayEquals(want, image.rgb(), file);
  }

  @Test
  void dropsAlphaWithoutCompositingLikePillow() throws Exception {
    BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(0, 0, 0x00FF8040);  // fully transparent orange
    argb.setRGB(1, 0, 0x80102030);
    RgbImage rgb = decoder.decode(png(argb));
    assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0x80, 0x40, 0x10, 0x20, 0x30}, rgb.rgb());
  }

  @Test
  void readsGreySamplesWithoutJavaGammaConversion() throws Exception {
    BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 100, 200});
    RgbImage rgb = decoder.decode(png(grey));
    assertArrayEquals(new byte[] {0, 0, 0, 100, 100, 100, (byte) 200, (byte) 200, (byte) 200},
        rgb.rgb());
  }

  @Test
  void clipsSixteenBitGreyAt255AsPillowModeIDoes() throws Exception {
    BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
    grey.getRaster().setPixels(0, 0, 3, 1, new int[] {7, 255, 40000});
    RgbImage rgb = decoder.decode(png(grey));
    assertEquals(7, rgb.get(0, 0, 0));
    assertEquals(255, rgb.get(1, 0, 1));
    assertEquals(255, rgb.get(2, 0, 2));
  }

  @Test
  void mapsPaletteIndicesThroughThePalette() throws Exception {
    java.awt.image.IndexColorModel palette = new java.awt.image.IndexColorModel(2, 2,
        new byte[] {10, (byte) 250}, new byte[] {20, 0}, new byte[] {30, 5});
    BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
    indexed.getRaster().setPixels(0, 0, 2, 1, new int[] {1, 0});
    RgbImage rgb = decoder.decode(png(indexed));
    assertArrayEquals(new byte[] {(byte) 250, 0, 5, 10, 20, 30}, rgb.rgb());
  }

  static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
