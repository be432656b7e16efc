package io.lenscast.model.lens;

/** Receives each layer's lens as soon as that layer is computed, in layer order. */
@FunctionalInterface
public interface LensListener {
  void onLayer(LensLayer layer);
}
