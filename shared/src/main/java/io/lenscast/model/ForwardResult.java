package io.lenscast.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import io.lenscast.model.hooks.Captures;
import io.lenscast.model.hooks.HookPoint;

/**
 * What one (batched) forward returns: next-token logits at the last position [B, V] (float32
 * on CPU, the model's dtype on GPU), the captured hooks, and the sequence layout. Its arrays
 * live in the manager passed to the forward and are freed with it. The logits keep their
 * autograd graph when the inputs embeds required gradients.
 */
public record ForwardResult(NDArray logits, Captures captures, int imageStart, int seqLen,
                            int batchSize) {

  /** Logits of batch item {@code b} as float32 [V]. */
  public float[] logits(int b) {
    NDArray row = logits.get(new NDIndex(b));
    float[] out = row.toType(DataType.FLOAT32, false).toFloatArray();
    row.close();
    return out;
  }

  /** The captured activation of {@code hook} (see {@link HookPoint} for shapes). */
  public NDArray capture(HookPoint hook) {
    return captures.get(hook);
  }

  /** Position of the last token (whose logits these are). */
  public int lastPosition() {
    return seqLen - 1;
  }
}
