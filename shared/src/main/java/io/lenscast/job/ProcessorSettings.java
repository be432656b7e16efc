package io.lenscast.job;

/**
 * Limits and defaults of a job processor, from the worker's config section: the pixel limit
 * checked before decoding, the longest prompt in tokens, the default and largest lens top-k, and
 * the most new tokens a job may ask to generate.
 */
public record ProcessorSettings(
    long maxImagePixels, int maxPromptTokens, int defaultTopK, int maxTopK, int maxNewTokens) {

  public ProcessorSettings {
    if (maxImagePixels <= 0 || maxPromptTokens <= 0 || defaultTopK < 1
        || maxTopK < defaultTopK || maxNewTokens < 0) {
      throw new IllegalArgumentException("invalid processor settings: " + maxImagePixels + ", "
          + maxPromptTokens + ", " + defaultTopK + ", " + maxTopK + ", " + maxNewTokens);
    }
  }

  /** The defaults of {@code config/default.json}. */
  public static ProcessorSettings defaults() {
    return new ProcessorSettings(40_000_000L, 2048, 5, 100, 512);
  }
}
