package io.lenscast.bench;

import io.lenscast.model.lens.LensSpec;

/**
 * How a benchmark runs: untimed warm-up rounds, timed repeats (each stage reported as the
 * median over the repeats), new tokens for greedy generation, and the lens's top-k and chunk
 * size (the job defaults unless changed).
 */
public record BenchOptions(int warmup, int repeats, int generateTokens, int topK, int chunkSize) {
  public static final int DEFAULT_REPEATS = 3;
  public static final int DEFAULT_GENERATE = 16;

  public BenchOptions {
    if (warmup < 0) {
      throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
    }
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
    }
    if (generateTokens < 2) {
      throw new IllegalArgumentException("generateTokens must be >= 2 (the first comes from the "
          + "prefill), got " + generateTokens);
    }
    if (topK < 1 || chunkSize < 1) {
      throw new IllegalArgumentException("topK and chunkSize must be >= 1");
    }
  }

  /** One warm-up round, three repeats, 16 new tokens, top-5 lens in chunks of 64. */
  public static BenchOptions defaults() {
    return new BenchOptions(1, DEFAULT_REPEATS, DEFAULT_GENERATE, 5, LensSpec.DEFAULT_CHUNK);
  }

  public BenchOptions withRepeats(int n) {
    return new BenchOptions(warmup, n, generateTokens, topK, chunkSize);
  }

  public BenchOptions withGenerateTokens(int n) {
    return new BenchOptions(warmup, repeats, n, topK, chunkSize);
  }
}
