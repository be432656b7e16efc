package io.lenscast.model.hooks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The activations one forward captured, by hook point. A hook nobody asked for costs one set
 * lookup (and a call to the run's {@link HookListener}, if it has one); a captured activation
 * is copied into the caller's manager, so it outlives the forward and is freed with that
 * manager.
 */
public final class Captures {
  private final Set<HookPoint> wanted;
  private final NDManager owner;
  private final HookListener listener;
  private final Map<HookPoint, NDArray> values = new HashMap<>();

  public Captures(Set<HookPoint> wanted, NDManager owner) {
    this(wanted, owner, null);
  }

  /** @param listener told of every hook the forward passes, or null */
  public Captures(Set<HookPoint> wanted, NDManager owner, HookListener listener) {
    this.wanted = wanted;
    this.owner = owner;
    this.listener = listener;
  }

  public boolean wants(HookPoint hook) {
    return wanted.contains(hook);
  }

  /** Keeps a copy of {@code value} if {@code hook} was asked for; tells the listener. */
  public void offer(HookPoint hook, NDArray value) {
    if (wanted.contains(hook)) {
      NDArray copy = value.duplicate();
      copy.attach(owner);
      values.put(hook, copy);
    }
    if (listener != null) {
      listener.reached(hook);
    }
  }

  /** The captured activation; throws IllegalArgumentException if it was not asked for. */
  public NDArray get(HookPoint hook) {
    NDArray v = values.get(hook);
    if (v == null) {
      throw new IllegalArgumentException("hook " + hook + " was not captured"
          + (wanted.contains(hook) ? " (it does not exist in this model)" : ""));
    }
    return v;
  }

  public Map<HookPoint, NDArray> all() {
    return Map.copyOf(values);
  }
}
