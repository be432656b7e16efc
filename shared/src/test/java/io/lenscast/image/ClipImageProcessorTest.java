package io.lenscast.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lenscast.io.Npy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CLIP preprocessing against transformers' golden arrays: the uint8 resize + crop must be
 * bit-exact (Pillow's fixed-point bicubic), and so must the float pixel values computed from it.
 */
class ClipImageProcessorTest {
  private static final Path FIXTURES = Path.of("fixtures");
  private static final Path PIL = Path.of("src/test/resources/pil");

  private final ImageDecoder decoder = new ImageDecoder(40_000_000);

  private ClipImageProcessor processor() throws Exception {
    return new ClipImageProcessor(
        ClipPreprocessorConfig.load(FIXTURES.resolve("tiny-llava-a/preprocessor_config.json")));
  }

  @ParameterizedTest
  @CsvSource({
      "img0, img0_shapes_500x375.png, 448, 336, 56, 0",
      "img1, img1_shapes_300x420.png, 336, 470, 0, 67",
      "img2, img2_grace_hopper_512x600_decoded_by_PIL.png, 336, 393, 0, 28"})
  void resizedCropMatchesTransformersBitExactly(
      String golden, String file, int resizedW, int resizedH, int left, int top) throws Exception {
    PreprocessedImage out = processor().process(
        decoder.decode(Files.readAllBytes(FIXTURES.resolve("images").resolve(file))));
    byte[] expected = bytes(Npy.read(FIXTURES.resolve("golden/" + golden
        + "__resized_cropped_uint8_hwc.npy")));
    assertEquals(336, out.crop().width());
    assertEquals(336, out.crop().height());
    assertArrayEquals(expected, out.crop().rgb(), golden + " uint8 crop");
    CropGeometry g = out.geometry();
    assertEquals(resizedW, g.resizedWidth());
    assertEquals(resizedH, g.resizedHeight());
    assertEquals(left, g.cropLeft());
    assertEquals(top, g.cropTop());
  }

  @ParameterizedTest
  @CsvSource({
      "img0, img0_shapes_500x375.png",
      "img1, img1_shapes_300x420.png",
      "img2, img2_grace_hopper_512x600_decoded_by_PIL.png"})
  void pixelValuesMatchTransformersBitExactly(String golden, String file) throws Exception {
    PreprocessedImage out = processor().process(
        decoder.decode(Files.readAllBytes(FIXTURES.resolve("images").resolve(file))));
    float[] expected = Npy.read(FIXTURES.resolve("golden/" + golden + "__pixel_values.npy"))
        .toFloats();
    assertEquals(expected.length, out.pixelValues().length);
    for (int i = 0; i < expected.length; i++) {
      if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(out.pixelValues()[i])) {
        throw new AssertionError(golden + " pixel " + i + ": expected " + expected[i] + " got "
            + out.pixelValues()[i]);
      }
    }
  }

  /**
   * The JPEG decoded by ImageIO's libjpeg instead of PIL's. Measured on this JDK (OpenJDK
   * 17.0.15): the decoded 512x600 pixels differ from PIL 9.4.0's decode by max abs 0, mean abs 0
   * (same libjpeg IDCT and fancy upsampling), so the resize + crop and the pixel values are
   * bit-exact too. Pinned at exactly 0 so a decoder change shows up here first.
   */
  @Test
  void jpegDecodedByImageIoEqualsPillowsDecode() throws Exception {
    RgbImage viaImageIo = decoder.decode(Files.readAllBytes(
        FIXTURES.resolve("images/img2_grace_hopper_512x600.jpg")));
    RgbImage viaPil = decoder.decode(Files.readAllBytes(
        FIXTURES.resolve("images/img2_grace_hopper_512x600_decoded_by_PIL.png")));
    int[] decoded = absDiff(viaPil.rgb(), viaImageIo.rgb());
    byte[] golden = bytes(Npy.read(FIXTURES.resolve("golden/img2__resized_cropped_uint8_hwc.npy")));
    int[] cropped = absDiff(golden, processor().process(viaImageIo).crop().rgb());
    System.out.printf("img2 JPEG via ImageIO vs PIL: decoded max abs %d, sum %d; crop max abs %d,"
        + " sum %d%n", decoded[0], decoded[1], cropped[0], cropped[1]);
    assertArrayEquals(new int[] {0, 0}, decoded);
    assertArrayEquals(new int[] {0, 0}, cropped);
  }

  private static int[] absDiff(byte[] a, byte[] b) {
    assertEquals(a.length, b.length);
    int max = 0;
    int sum = 0;
    for (int i = 0; i < a.length; i++) {
      int d = Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
      max = Math.max(max, d);
      sum += d;
    }
    return new int[] {max, sum};
  }

  @ParameterizedTest
  @CsvSource({"37x23, 15, 40", "200x150, 61, 47", "50x50, 83, 50", "64x48, 64, 21",
      "31x29, 31, 29"})
  void bicubicResizeMatchesPillowOnRandomImages(String size, int w, int h) throws Exception {
    RgbImage in = decoder.decode(Files.readAllBytes(PIL.resolve("resize_" + size + ".png")));
    RgbImage out = PillowBicubicResize.resize(in, w, h);
    byte[] expected = bytes(Npy.read(PIL.resolve("resize_" + size + "." + w + "x" + h + ".npy")));
    assertArrayEquals(expected, out.rgb(), size + " -> " + w + "x" + h);
  }

  @Test
  void shortestEdgeSizeTruncatesTheLongEdgeLikeTransformers() throws Exception {
    ClipImageProcessor p = processor();
    assertArrayEquals(new int[] {448, 336}, p.resizedSize(500, 375));
    assertArrayEquals(new int[] {336, 470}, p.resizedSize(300, 420));
    assertArrayEquals(new int[] {336, 393}, p.resizedSize(512, 600));
    assertArrayEquals(new int[] {336, 336}, p.resizedSize(7, 7));
    assertArrayEquals(new int[] {336, 1075}, p.resizedSize(10, 32));  // 1075.2 -> 1075
  }

  @Test
  void cropGeometryMapsOriginalCoordinatesOntoTheCrop() throws Exception {
    PreprocessedImage out = processor().process(decoder.decode(Files.readAllBytes(
        FIXTURES.resolve("images/img0_shapes_500x375.png"))));
    CropGeometry g = out.geometry();
    assertEquals(500, g.originalWidth());
    assertEquals(375, g.originalHeight());
    assertEquals(-56.0, g.toCropX(0), 1e-9);
    assertEquals(336.0, g.toCropY(375), 1e-9);
    assertEquals(448 - 56.0, g.toCropX(500), 1e-9);
  }

  @Test
  void padsWithZerosWhenTheCropIsLargerThanTheImage() {
    ClipPreprocessorConfig noResize = ClipPreprocessorConfig.fromJson(
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
            .put("do_resize", false).put("crop_size", 4).put("do_normalize", false)
            .put("do_rescale", false));
    RgbImage tiny = new RgbImage(2, 1, new byte[] {1, 2, 3, 4, 5, 6});
    PreprocessedImage out = new ClipImageProcessor(noResize).process(tiny);
    // transformers: top = (1 - 4) // 2 = -2, left = (2 - 4) // 2 = -1
    assertEquals(-1, out.geometry().cropLeft());
    assertEquals(-2, out.geometry().cropTop());
    assertEquals(1, out.crop().get(1, 2, 0));
    assertEquals(6, out.crop().get(2, 2, 2));
    assertEquals(0, out.crop().get(0, 2, 0));
    assertEquals(0, out.crop().get(1, 1, 0));
    assertEquals(6f, out.pixelValues()[2 * 16 + 2 * 4 + 2]);  // channel B of pixel (x=2, y=2)
  }

  static byte[] bytes(Npy.Array array) {
    byte[] out = new byte[(int) array.size()];
    array.data().duplicate().get(out);
    return out;
  }
}
