package io.lenscast.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Keys and values (after RoPE, before repeat_kv) of every decoder layer, [B, KV, S, hd], kept
 * in their own manager across the prefill and the generation steps of one run.
 */
public final class KvCache implements AutoCloseable {
  private final NDManager manager;
  private final NDArray[] keys;
  private final NDArray[] values;

  public KvCache(NDManager parent, int layers) {
    this.manager = parent.newSubManager();
    this.keys = new NDArray[layers];
    this.values = new NDArray[layers];
  }

  /** Positions cached so far. */
  public int length() {
    return keys[0] == null ? 0 : (int) keys[0].getShape().get(2);
  }

  /**
   * Appends this step's {@code k}, {@code v} [B, KV, T, hd] for {@code layer} and returns the
   * full cached keys and values [B, KV, S, hd] (valid until the next append). The first
   * append keeps {@code k}/{@code v} themselves (moved into the cache), so autograd sees them.
   */
  public NDArray[] append(int layer, NDArray k, NDArray v) {
    NDArray newK = keys[layer] == null ? k : keys[layer].concat(k, 2);
    NDArray newV = values[layer] == null ? v : values[layer].concat(v, 2);
    newK.attach(manager);
    newV.attach(manager);
    if (keys[layer] != null) {
      keys[layer].close();
      values[layer].close();
    }
    keys[layer] = newK;
    values[layer] = newV;
    return new NDArray[] {newK, newV};
  }

  @Override
  public void close() {
    manager.close();
  }
}
