package io.lenscast.analysis.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.io.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeanVectorTest {
  @Test
  void loadsThePapersMeanVectorWithItsNormAndSha256() throws IOException {
    Path file = Path.of("fixtures/data/llava15_mean_vector_fp32_4096.npy");
    MeanVector v = MeanVector.load(file);
    assertEquals(4096, v.dim());
    assertEquals(25.566, v.norm(), 5e-3);
    assertEquals(MeanVector.sha256(Files.readAllBytes(file)), v.sha256());
    assertEquals(64, v.sha256().length());
    assertEquals("mean", v.replacement());
  }

  @Test
  void acceptsARowVectorAndRejectsMatrices(@TempDir Path dir) throws IOException {
    Path row = dir.resolve("row.npy");
    Npy.writeFloats(row, new float[] {1, 2, 3}, 1, 3);
    assertEquals(3, MeanVector.load(row).dim());
    Path matrix = dir.resolve("m.npy");
    Npy.writeFloats(matrix, new float[] {1, 2, 3, 4}, 2, 2);
    assertTrue(assertThrows(IOException.class, () -> MeanVector.load(matrix)).getMessage()
        .contains("shape [D] or [1, D]"));
    assertThrows(IOException.class, () -> MeanVector.load(dir.resolve("missing.npy")));
  }

  @Test
  void zeroReplacementHasNoHashAndChecksTheHiddenSize() {
    MeanVector z = MeanVector.zero(64);
    assertNull(z.sha256());
    assertEquals("zero", z.replacement());
    assertEquals(0.0, z.norm());
    z.requireDim(64);
    assertThrows(IllegalArgumentException.class, () -> z.requireDim(4096));
  }
}
