package io.lenscast.model;

/**
 * Greedy generation's output: per batch item the new token ids (including the EOS token if one
 * was produced, which ends that item), and the prefill's forward result (logits of the first
 * step, captures, lens already streamed).
 */
public record GenerationResult(int[][] tokens, boolean[] stoppedOnEos, ForwardResult prefill) {
  /** New tokens of batch item {@code b}. */
  public int[] tokens(int b) {
    return tokens[b].clone();
  }
}
