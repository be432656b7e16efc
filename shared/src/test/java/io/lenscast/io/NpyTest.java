package io.lenscast.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
  @Test
  void readsThePapersMeanVectorWithItsPublishedNorm() throws IOException {
    Npy.Array a = Npy.read(Path.of("fixtures/data/llava15_mean_vector_fp32_4096.npy"));
    float[] v = a.toFloats();
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    assertEquals(4096, v.length);
    assertEquals(25.566, Math.sqrt(norm), 1e-3);
  }

  @Test
  void writtenFloatsReadBackWithShape(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("a.npy");
    Npy.writeFloats(f, new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Npy.Array a = Npy.read(f);
    assertArrayEquals(new long[] {2, 3}, a.shape());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, a.toFloats());
  }

  @Test
  void rejectsAFileThatIsNotNpy(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.npy");
    Files.writeString(f, "hello");
    IOException e = assertThrows(IOException.class, () -> Npy.read(f));
    assertEquals(f + ": not a .npy file (bad magic)", e.getMessage());
  }
}
