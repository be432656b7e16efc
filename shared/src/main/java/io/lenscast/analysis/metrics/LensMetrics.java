package io.lenscast.analysis.metrics;

import io.lenscast.analysis.lens.LensScore;
import java.util.LinkedHashMap;
import java.util.Map;

/** Incremental logit-lens statistics over per-image {@link LensScore}s, keyed by job id. */
public final class LensMetrics {
  private final Map<String, LensScore> scores = new LinkedHashMap<>();

  public synchronized void add(String jobId, LensScore score) {
    scores.put(jobId, score);
  }

  public synchronized LensSummary snapshot() {
    int layers = scores.values().stream().mapToInt(LensScore::numLayers).max().orElse(0);
    double[] curveS = new double[layers];
    double[] curveL = new double[layers];
    double shareS = 0;
    double shareL = 0;
    double layerS = 0;
    double layerL = 0;
    int withS = 0;
    int withL = 0;
    for (LensScore s : scores.values()) {
      shareS += s.bestStrict();
      shareL += s.bestLenient();
      if (s.bestLayerStrict() != null) {
        layerS += s.bestLayerStrict();
        withS++;
      }
      if (s.bestLayerLenient() != null) {
        layerL += s.bestLayerLenient();
        withL++;
      }
      for (int l = 0; l < s.numLayers(); l++) {
        curveS[l] += s.strict()[l];
        curveL[l] += s.lenient()[l];
      }
    }
    int n = scores.size();
    for (int l = 0; l < layers; l++) {
      curveS[l] /= n;
      curveL[l] /= n;
    }
    return new LensSummary(n, layers, n == 0 ? 0 : shareS / n,
        withS == 0 ? null : layerS / withS, withS, n == 0 ? 0 : shareL / n,
        withL == 0 ? null : layerL / withL, withL, curveS, curveL);
  }
}
