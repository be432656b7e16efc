package io.lenscast.analysis.lens;

/**
 * The logit-lens quantification of one image: per layer, the share of object patches whose
 * top-1 names the class (strict and lenient curves, index = lens layer, 0 = embeddings), and the
 * best layer of each (the earliest layer with the highest share; null when no layer has a
 * single match, so such images do not pull the mean best layer towards 0).
 */
public record LensScore(
    int objectPatches,
    double[] strict,
    double[] lenient,
    Integer bestLayerStrict,
    double bestStrict,
    Integer bestLayerLenient,
    double bestLenient) {

  public int numLayers() {
    return strict.length;
  }
}
