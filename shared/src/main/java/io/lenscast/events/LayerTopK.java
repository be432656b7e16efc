package io.lenscast.events;

/** Top-k per position of one lens layer: {@code [positions][k]}, aligned with the positions. */
public record LayerTopK(int[][] ids, String[][] tokens, float[][] probs) {}
