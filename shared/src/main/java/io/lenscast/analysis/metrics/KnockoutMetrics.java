package io.lenscast.analysis.metrics;

import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Incremental knockout metrics over {@link KnockoutEvent}s, keyed by job id within each edge
 * set x window (so duplicates replace). As in the paper only baseline-correct items count:
 * relative accuracy is the share that stays correct, and the probability change is the mean of
 * {@code knocked.correctProb - baseline.correctProb} over them. Thread-safe.
 */
public final class KnockoutMetrics {
  private record Key(String edgeSet, String window, int first, int last) {}

  private record Item(Outcome baseline, Outcome knocked) {}

  private final Map<Key, Map<String, Item>> items = new LinkedHashMap<>();

  public synchronized void add(KnockoutEvent event) {
    int[] layers = event.layers();
    int first = layers == null || layers.length == 0 ? -1 : layers[0];
    int last = layers == null || layers.length < 2 ? first : layers[1];
    items.computeIfAbsent(new Key(event.edgeSet(), event.window(), first, last),
        k -> new LinkedHashMap<>()).put(event.jobId(), new Item(event.baseline(),
        event.knocked()));
  }

  public synchronized List<KnockoutRow> snapshot() {
    List<KnockoutRow> rows = new ArrayList<>();
    items.forEach((key, byJob) -> {
      for (String scoring : Scorings.ALL) {
        int scored = 0;
        int baselineCorrect = 0;
        int stayed = 0;
        double probChange = 0;
        int probItems = 0;
        for (Item item : byJob.values()) {
          Boolean before = Scorings.of(item.baseline(), scoring);
          Boolean after = Scorings.of(item.knocked(), scoring);
          if (before == null || after == null) {
            continue;
          }
          scored++;
          if (!before) {
            continue;
          }
          baselineCorrect++;
          stayed += after ? 1 : 0;
          Double p0 = item.baseline().correctProb();
          Double p1 = item.knocked().correctProb();
          if (p0 != null && p1 != null) {
            probChange += p1 - p0;
            probItems++;
          }
        }
        if (scored > 0) {
          rows.add(new KnockoutRow(key.edgeSet(), key.window(), key.first(), key.last(), scoring,
              scored, baselineCorrect, stayed,
              baselineCorrect == 0 ? 0 : (double) stayed / baselineCorrect,
              WilsonInterval.of(stayed, baselineCorrect),
              probItems == 0 ? null : probChange / probItems));
        }
      }
    });
    return rows;
  }
}
