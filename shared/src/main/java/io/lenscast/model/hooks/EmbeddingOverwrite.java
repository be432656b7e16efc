package io.lenscast.model.hooks;

/**
 * An intervention as data: the decoder's input embedding at each of {@code positions} (sequence
 * positions of the merged sequence) is replaced by {@code vector} [D] before layer 0. Mean
 * ablation of visual tokens is this with positions {@code imageStart + row}, which is exactly
 * what replacing projector output rows does. During generation it lives on in the prefill's KV
 * cache.
 */
public record EmbeddingOverwrite(int[] positions, float[] vector) {
  public EmbeddingOverwrite {
    positions = positions.clone();
    vector = vector.clone();
  }

  /** Overwrites visual tokens {@code rows} (0..575, row-major over the grid). */
  public static EmbeddingOverwrite imageRows(int imageStart, int[] rows, float[] vector) {
    int[] positions = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      positions[i] = imageStart + rows[i];
    }
    return new EmbeddingOverwrite(positions, vector);
  }
}
