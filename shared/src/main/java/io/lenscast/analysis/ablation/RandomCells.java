package io.lenscast.analysis.ablation;

import io.lenscast.analysis.geometry.GridCells;
import java.util.SplittableRandom;

/**
 * Seeded random cells (the reference's are unseeded, PAPER.md bug 6): a partial Fisher-Yates
 * shuffle of all cells with {@link SplittableRandom}(seed), first {@code n} kept. The same seed
 * gives the same cells on every machine and JVM, and draws for different {@code n} are nested
 * (random_5 is a subset of random_10). The reference samples from {@code range(start, end)}
 * with an inclusive end, so it can never pick the last visual token; here all cells can be
 * picked.
 */
public final class RandomCells {
  private RandomCells() {}

  public static GridCells sample(int n, long seed, int rows, int cols) {
    int total = rows * cols;
    if (n < 0 || n > total) {
      throw new IllegalArgumentException("cannot draw " + n + " of " + total + " cells");
    }
    int[] cells = new int[total];
    for (int i = 0; i < total; i++) {
      cells[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(total - i);
      int t = cells[i];
      cells[i] = cells[j];
      cells[j] = t;
    }
    return GridCells.of(rows, cols, java.util.Arrays.copyOf(cells, n));
  }
}
