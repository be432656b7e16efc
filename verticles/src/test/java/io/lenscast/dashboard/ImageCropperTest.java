package io.lenscast.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.io.Npy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageCropperTest {
  private static final Path FIXTURES = Path.of("..", "shared", "fixtures");
  private final ImageCropper cropper = new ImageCropper(40_000_000L);

  @Test
  void aLandscapeImageIsResizedToTheShortEdgeAndCentreCropped() throws Exception {
    byte[] png = Files.readAllBytes(FIXTURES.resolve("images/img0_shapes_500x375.png"));
    CropPreview crop = cropper.crop(png).orElseThrow();
    // 500x375 -> 448x336, left = (448 - 336) / 2 = 56
    assertEquals(500, crop.geometry().originalWidth());
    assertEquals(375, crop.geometry().originalHeight());
    assertEquals(448, crop.geometry().resizedWidth());
    assertEquals(56, crop.geometry().cropLeft());
    assertEquals(0, crop.geometry().cropTop());
  }

  @Test
  void aPortraitImageIsCroppedVertically() throws Exception {
    byte[] png = Files.readAllBytes(FIXTURES.resolve("images/img1_shapes_300x420.png"));
    CropPreview crop = cropper.crop(png).orElseThrow();
    // 300x420 -> 336x470, top = (470 - 336) / 2 = 67
    assertEquals(0, crop.geometry().cropLeft());
    assertEquals(67, crop.geometry().cropTop());
  }

  @Test
  void theDisplayCropIsTheModelsCropUpToJpeg() throws Exception {
    byte[] png = Files.readAllBytes(FIXTURES.resolve("images/img0_shapes_500x375.png"));
    BufferedImage shown = ImageIO.read(new ByteArrayInputStream(cropper.crop(png).orElseThrow().jpeg()));
    assertEquals(336, shown.getWidth());
    assertEquals(336, shown.getHeight());
    int[] golden = Npy.read(FIXTURES.resolve("golden/img0__resized_cropped_uint8_hwc.npy")).toInts();
    double diff = 0;
    for (int y = 0; y < 336; y++) {
      for (int x = 0; x < 336; x++) {
        int rgb = shown.getRGB(x, y);
        int i = (y * 336 + x) * 3;
        diff += Math.abs(((rgb >> 16) & 255) - golden[i]) + Math.abs(((rgb >> 8) & 255) - golden[i + 1])
            + Math.abs((rgb & 255) - golden[i + 2]);
      }
    }
    double meanAbs = diff / (336.0 * 336 * 3);
    assertTrue(meanAbs < 3, "mean absolute difference per channel " + meanAbs);
  }

  @Test
  void bytesThatAreNoImageGiveNoCrop() {
    assertTrue(cropper.crop(new byte[] {1, 2, 3}).isEmpty());
  }

  @Test
  void anImageOverThePixelLimitGivesNoCrop() throws Exception {
    byte[] png = Files.readAllBytes(FIXTURES.resolve("images/img0_shapes_500x375.png"));
    assertTrue(new ImageCropper(1000).crop(png).isEmpty());
  }
}
