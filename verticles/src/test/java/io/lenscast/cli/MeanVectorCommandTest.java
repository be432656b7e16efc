package io.lenscast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.analysis.ablation.MeanVector;
import io.lenscast.io.Npy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeanVectorCommandTest {
  private static final Path FIXTURES = Path.of("../shared/fixtures");

  @Test
  void meanOverAFolderSkipsUnreadableFilesAndEqualsTheImagesOwnMean(@TempDir Path dir)
      throws Exception {
    Path images = Files.createDirectory(dir.resolve("images"));
    Files.copy(FIXTURES.resolve("images/img0_shapes_500x375.png"), images.resolve("a.png"));
    Files.writeString(images.resolve("b.png"), "broken");
    Path out = dir.resolve("mean.npy");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new MeanVectorCommand(new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(List.of("--model", FIXTURES.resolve("tiny-llava-a").toString(), "--images",
            images.toString(), "--out", out.toString(), "--device", "cpu"));
    assertEquals(0, code);
    String log = err.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("2/2 images"), log);
    assertTrue(log.contains("skipped"), log);
    MeanVector v = MeanVector.load(out);
    assertTrue(log.contains(v.sha256()), log);
    float[] golden = Npy.read(FIXTURES.resolve(
        "golden/tiny-llava-a__img0__p0__ablation_mean_vector.npy")).toFloats();
    for (int k = 0; k < golden.length; k++) {
      assertEquals(golden[k], v.values()[k], 1e-4);
    }
  }

  @Test
  void badUsageExitsWithCodeTwoAndOneLine(@TempDir Path dir) {
    assertEquals(2, Main.run(new String[] {"mean-vector", "--model", dir.toString(),
        "--images", dir.resolve("none").toString(), "--out", "x.npy"}));
    assertEquals(2, Main.run(new String[] {"mean-vector", "--model", dir.toString(),
        "--images", dir.toString(), "--out", "x.npy"}));
  }
}
