package io.lenscast.model.lens;

/**
 * What the logit lens computes for each layer: the top {@code topK} tokens at {@code positions}
 * (null = the visual block followed by the last position), in chunks of {@code chunkSize}
 * positions so that at most one chunk's [chunk x vocab] logits exist at once.
 */
public record LensSpec(int topK, int chunkSize, int[] positions) {
  public static final int DEFAULT_CHUNK = 64;

  public LensSpec {
    if (topK < 1) {
      throw new IllegalArgumentException("lens topK must be >= 1, got " + topK);
    }
    if (chunkSize < 1) {
      throw new IllegalArgumentException("lens chunkSize must be >= 1, got " + chunkSize);
    }
    positions = positions == null ? null : positions.clone();
  }

  /** The visual block and the last position, chunks of 64. */
  public static LensSpec visualAndLast(int topK) {
    return new LensSpec(topK, DEFAULT_CHUNK, null);
  }

  /** The positions this spec covers in a sequence of {@code seqLen} with the given image block. */
  public int[] resolve(int imageStart, int imageTokens, int seqLen) {
    if (positions != null) {
      for (int p : positions) {
        if (p < 0 || p >= seqLen) {
          throw new IllegalArgumentException("lens position " + p + " outside 0.." + (seqLen - 1));
        }
      }
      return positions.clone();
    }
    int[] out = new int[imageTokens + 1];
    for (int i = 0; i < imageTokens; i++) {
      out[i] = imageStart + i;
    }
    out[imageTokens] = seqLen - 1;
    return out;
  }
}
