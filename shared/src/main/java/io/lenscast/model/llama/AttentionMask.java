package io.lenscast.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.lenscast.model.hooks.AttentionBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The additive attention masks of one prefill: causal (0 = attend, -inf = masked), plus the
 * blocked edges of {@link AttentionBlock}s in the layers they cover. Layers with the same set of
 * blocks share one mask. A block that would leave a query with no key at all is refused.
 */
public final class AttentionMask {
  private final NDManager manager;
  private final int length;
  private final List<AttentionBlock> blocks;
  private final Map<List<AttentionBlock>, NDArray> byBlockSet = new HashMap<>();

  /** Masks for a prefill of {@code length} positions (no past). */
  public AttentionMask(NDManager manager, int length, List<AttentionBlock> blocks) {
    this.manager = manager;
    this.length = length;
    this.blocks = List.copyOf(blocks);
    for (AttentionBlock b : blocks) {
      check(b.queryPositions(), "query");
      check(b.keyPositions(), "key");
    }
  }

  private void check(int[] positions, String what) {
    for (int p : positions) {
      if (p < 0 || p >= length) {
        throw new IllegalArgumentException("attention block " + what + " position " + p
            + " is outside the sequence 0.." + (length - 1));
      }
    }
  }

  /** The float32 mask [T, T] for decoder layer {@code layer}. */
  public NDArray forLayer(int layer) {
    List<AttentionBlock> active = new ArrayList<>();
    for (AttentionBlock b : blocks) {
      if (b.coversLayer(layer)) {
        active.add(b);
      }
    }
    return byBlockSet.computeIfAbsent(active, this::build);
  }

  private NDArray build(List<AttentionBlock> active) {
    float[] mask = new float[length * length];
    for (int q = 0; q < length; q++) {
      for (int k = q + 1; k < length; k++) {
        mask[q * length + k] = Float.NEGATIVE_INFINITY;
      }
    }
    for (AttentionBlock b : active) {
      for (int q : b.queryPositions()) {
        for (int k : b.keyPositions()) {
          mask[q * length + k] = Float.NEGATIVE_INFINITY;
        }
      }
    }
    for (AttentionBlock b : active) {
      for (int q : b.queryPositions()) {
        boolean open = false;
        for (int k = 0; k <= q && !open; k++) {
          open = mask[q * length + k] == 0f;
        }
        if (!open) {
          throw new IllegalArgumentException("attention block leaves query position " + q
              + " with no key to attend to");
        }
      }
    }
    return manager.create(mask, new Shape(length, length)).toType(DataType.FLOAT32, false);
  }

  public int length() {
    return length;
  }
}
