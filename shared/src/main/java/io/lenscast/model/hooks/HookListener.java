package io.lenscast.model.hooks;

/**
 * Told each time a forward passes a hook point, whether or not anything is captured there, at
 * the moment the activation exists: e.g. to time the vision tower and the projector apart
 * inside one forward. Called on the thread running the model; must not keep the activation.
 */
@FunctionalInterface
public interface HookListener {
  void reached(HookPoint hook);
}
