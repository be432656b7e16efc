package io.lenscast.job;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall-clock milliseconds per job stage, in the order the stages first ran, for the result
 * event's {@code timings}. Stages measured in pieces (the lens, once per layer) accumulate.
 */
public final class StageTimer {
  private final Map<String, Double> millis = new LinkedHashMap<>();

  /** Adds the time since {@code startNanos} to {@code stage}; returns now, for chaining. */
  public long stop(String stage, long startNanos) {
    long now = System.nanoTime();
    add(stage, (now - startNanos) / 1e6);
    return now;
  }

  public void add(String stage, double ms) {
    millis.merge(stage, ms, Double::sum);
  }

  public double get(String stage) {
    return millis.getOrDefault(stage, 0.0);
  }

  /** A copy rounded to microseconds. */
  public Map<String, Double> snapshot() {
    Map<String, Double> out = new LinkedHashMap<>();
    millis.forEach((k, v) -> out.put(k, Math.round(v * 1000.0) / 1000.0));
    return out;
  }
}
