package io.lenscast.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.image.ImageRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the decoder refuses, and that it refuses it with a useful one-line reason. */
class ImageDecoderTest {
  private static final Path IMAGES = Path.of("fixtures/images");

  @Test
  void refusesImagesOverThePixelLimitFromTheHeaderAlone() throws Exception {
    byte[] png = Files.readAllBytes(IMAGES.resolve("img0_shapes_500x375.png"));
    ImageRejectedException e = assertThrows(ImageRejectedException.class,
        () -> new ImageDecoder(500 * 375 - 1).decode(png));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertTrue(e.getMessage().contains("500x375"), e.getMessage());
    assertEquals(500, new ImageDecoder(500 * 375).decode(png).width());
  }

  @Test
  void refusesAHugeDeclaredSizeWithoutAllocatingIt() throws Exception {
    // a valid PNG header declaring 100000 x 100000 pixels, followed by no pixel data at all
    byte[] header = Arrays.copyOf(Files.readAllBytes(IMAGES.resolve("img1_shapes_300x420.png")),
        33);
    header[16] = 0;
    header[17] = 1;
    header[18] = (byte) 0x86;
    header[19] = (byte) 0xA0;
    header[20] = 0;
    header[21] = 1;
    header[22] = (byte) 0x86;
    header[23] = (byte) 0xA0;
    ImageRejectedException e = assertThrows(ImageRejectedException.class,
        () -> new ImageDecoder(40_000_000).decode(header));
    assertEquals(Reason.TOO_LARGE, e.reason());
  }

  @Test
  void refusesTruncatedPngAndJpeg() throws Exception {
    for (String name : new String[] {"img0_shapes_500x375.png", "img2_grace_hopper_512x600.jpg"}) {
      byte[] full = Files.readAllBytes(IMAGES.resolve(name));
      byte[] half = Arrays.copyOf(full, full.length / 2);
      ImageRejectedException e = assertThrows(ImageRejectedException.class,
          () -> new ImageDecoder(1_000_000).decode(half), name);
      assertEquals(Reason.UNREADABLE, e.reason());
      assertFalse(e.getMessage().contains("\n"));
    }
  }

  @Test
  void refusesBytesThatAreNotAnImage() {
    ImageRejectedException e = assertThrows(ImageRejectedException.class,
        () -> new ImageDecoder(1_000_000).decode("hello".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Reason.UNREADABLE, e.reason());
    assertEquals(Reason.UNREADABLE, assertThrows(ImageRejectedException.class,
        () -> new ImageDecoder(1_000_000).decode(new byte[0])).reason());
  }

  @Test
  void refusesCorruptPixelData() throws Exception {
    byte[] png = Files.readAllBytes(IMAGES.resolve("img1_shapes_300x420.png"));
    for (int i = 200; i < png.length - 100; i += 7) {
      png[i] ^= 0x5A;
    }
    assertEquals(Reason.UNREADABLE, assertThrows(ImageRejectedException.class,
        () -> new ImageDecoder(1_000_000).decode(png)).reason());
  }

  @Test
  void explainsThatWebpNeedsAReaderPlugin() {
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    ImageRejectedException e = assertThrows(ImageRejectedException.class,
        () -> new ImageDecoder(1_000_000).decode(webp));
    assertEquals(Reason.UNSUPPORTED_FORMAT, e.reason());
    assertTrue(e.getMessage().contains("WebP"));
  }

  @Test
  void decodesBmpAndGifWrittenByJava() throws Exception {
    BufferedImage rgb = new BufferedImage(4, 3, BufferedImage.TYPE_3BYTE_BGR);
    rgb.setRGB(1, 2, 0x123456);
    for (String format : new String[] {"bmp", "gif"}) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(rgb, format, out);
      RgbImage decoded = new ImageDecoder(100).decode(out.toByteArray());
      assertEquals(4, decoded.width(), format);
      assertEquals(3, decoded.height(), format);
    }
  }
}
