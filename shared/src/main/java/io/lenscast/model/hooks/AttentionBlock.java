package io.lenscast.model.hooks;

/**
 * An intervention as data: in decoder layers {@code firstLayer..lastLayer} (inclusive, 0-based),
 * queries at {@code queryPositions} get exactly zero attention on keys at {@code keyPositions}
 * (-inf in the additive mask before the softmax). Applies to the positions of the prefill; tokens
 * generated afterwards are not blocked.
 */
public record AttentionBlock(int[] queryPositions, int[] keyPositions, int firstLayer,
                             int lastLayer) {
  public AttentionBlock {
    if (firstLayer < 0 || lastLayer < firstLayer) {
      throw new IllegalArgumentException("bad layer range " + firstLayer + "-" + lastLayer);
    }
    queryPositions = queryPositions.clone();
    keyPositions = keyPositions.clone();
  }

  public boolean coversLayer(int layer) {
    return layer >= firstLayer && layer <= lastLayer;
  }
}
