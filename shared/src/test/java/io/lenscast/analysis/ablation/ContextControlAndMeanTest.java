package io.lenscast.analysis.ablation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lenscast.analysis.geometry.GridCells;
import io.lenscast.image.ClipImageProcessor;
import io.lenscast.image.ClipPreprocessorConfig;
import io.lenscast.image.PreprocessedImage;
import io.lenscast.image.RgbImage;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextControlAndMeanTest {
  @Test
  void noiseReplacesExactlyTheObjectPatchesAndIsSeeded() {
    RgbImage grey = new RgbImage(336, 336, filled(336 * 336 * 3, (byte) 100));
    GridCells cells = GridCells.of(24, 24, 25);
    RgbImage a = ContextControl.noiseCells(grey, cells, 14, 3);
    assertArrayEquals(a.rgb(), ContextControl.noiseCells(grey, cells, 14, 3).rgb());
    int changed = 0;
    for (int y = 0; y < 336; y++) {
      for (int x = 0; x < 336; x++) {
        boolean inCell = x >= 14 && x < 28 && y >= 14 && y < 28;
        if (a.get(x, y, 0) != 100 || a.get(x, y, 1) != 100 || a.get(x, y, 2) != 100) {
          assertEquals(true, inCell, "pixel " + x + "," + y + " changed outside the cell");
          changed++;
        }
      }
    }
    assertEquals(196, changed, 2.0);
    assertThrows(IllegalArgumentException.class,
        () -> ContextControl.noiseCells(new RgbImage(10, 10, new byte[300]), cells, 14, 0));
  }

  @Test
  void noisedPixelValuesLeaveOtherPatchesBitIdentical() {
    ClipPreprocessorConfig config = ClipPreprocessorConfig.llava15();
    RgbImage photo = new RgbImage(400, 336, filled(400 * 336 * 3, (byte) 37));
    PreprocessedImage pre = new ClipImageProcessor(config).process(photo);
    float[] noised = ContextControl.noisedPixelValues(pre, GridCells.of(24, 24, 0), 14, 1,
        config);
    float[] clean = pre.pixelValues();
    assertEquals(clean.length, noised.length);
    assertEquals(clean[336 * 336 - 1], noised[336 * 336 - 1]);
    assertEquals(clean[20 * 336 + 20], noised[20 * 336 + 20]);
    assertNotEquals(clean[0] + clean[1] + clean[337], noised[0] + noised[1] + noised[337]);
  }

  @Test
  void meanVectorIsTheAverageOfAllRowsOfAllImages(@TempDir Path dir) throws IOException {
    MeanVectorAccumulator acc = new MeanVectorAccumulator(2);
    acc.addImage(new float[] {1, 2, 3, 4});
    acc.addImage(new float[] {5, 6, 7, 8});
    assertArrayEquals(new float[] {4, 5}, acc.mean());
    assertEquals(2, acc.images());
    MeanVector written = acc.write(dir.resolve("mean.npy"));
    assertArrayEquals(new float[] {4, 5}, written.values());
    assertEquals(64, written.sha256().length());
    assertThrows(IllegalArgumentException.class, () -> acc.addImage(new float[3]));
    assertThrows(IllegalStateException.class, () -> new MeanVectorAccumulator(2).mean());
  }

  private static byte[] filled(int n, byte v) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, v);
    return b;
  }
}
