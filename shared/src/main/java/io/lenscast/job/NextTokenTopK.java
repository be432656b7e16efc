package io.lenscast.job;

import io.lenscast.events.TopK;

/**
 * Top-k of a next-token distribution from raw logits: softmax over the full vocabulary in
 * double (as the golden lens probabilities were computed), ids by descending logit, ties broken
 * by the lower id.
 */
public final class NextTokenTopK {
  private NextTokenTopK() {}

  public static TopK of(float[] logits, int k) {
    int n = Math.min(k, logits.length);
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    for (float l : logits) {
      sum += Math.exp(l - max);
    }
    int[] ids = new int[n];
    float[] probs = new float[n];
    boolean[] taken = new boolean[logits.length];
    for (int j = 0; j < n; j++) {
      int best = -1;
      for (int i = 0; i < logits.length; i++) {
        if (!taken[i] && (best < 0 || logits[i] > logits[best])) {
          best = i;
        }
      }
      taken[best] = true;
      ids[j] = best;
      probs[j] = (float) (Math.exp(logits[best] - max) / sum);
    }
    return new TopK(ids, probs);
  }
}
