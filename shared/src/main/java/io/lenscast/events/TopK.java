package io.lenscast.events;

/** The top-k of one next-token distribution: ids and probabilities, descending. */
public record TopK(int[] ids, float[] probs) {}
