package io.lenscast.analysis.scoring;

/**
 * An answer scored two ways: {@code corrected} (lenscast's) and {@code reference} (the paper
 * code's, kept beside it). Both null when the job names no class.
 */
public record Score(Boolean corrected, Boolean reference) {
  public static final Score UNSCORED = new Score(null, null);
}
