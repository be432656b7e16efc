package io.lenscast.model.lens;

/**
 * The logit lens of one layer for one batch item: layer 0 = input embeddings, i+1 = output of
 * decoder layer i; {@code ids[p]} / {@code probs[p]} (descending) are the top-k at
 * {@code positions[p]}, probabilities from a softmax over the full vocabulary.
 */
public record LensLayer(int batchIndex, int layer, int numLayers, int[] positions, int[][] ids,
                        float[][] probs) {}
