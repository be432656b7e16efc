package io.lenscast.analysis.metrics;

/**
 * Logit-lens statistics over a dataset, strict and lenient: the mean over images of the best
 * layer's share of object patches decoding to the class (images with no match count as 0),
 * the mean best layer over the images that have one, out of {@code numLayers} lens layers, and
 * the mean per-layer curves.
 */
public record LensSummary(
    int images, int numLayers,
    double meanBestShareStrict, Double meanBestLayerStrict, int imagesWithStrictMatch,
    double meanBestShareLenient, Double meanBestLayerLenient, int imagesWithLenientMatch,
    double[] meanCurveStrict, double[] meanCurveLenient) {}
