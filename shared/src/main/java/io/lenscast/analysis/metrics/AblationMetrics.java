package io.lenscast.analysis.metrics;

import io.lenscast.events.AblationEvent;
import io.lenscast.events.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Incremental ablation metrics over a stream of {@link AblationEvent}s (a dataset run, or the
 * platform's aggregator). Results are keyed by job id within each condition x task, so a
 * redelivered or resumed event replaces its earlier copy instead of counting twice. Events
 * without a class (correct = null) are not scored. Thread-safe.
 */
public final class AblationMetrics {
  private record Key(String condition, String task) {}

  private record Item(Outcome baseline, Outcome ablated) {}

  private final Map<Key, Map<String, Item>> items = new LinkedHashMap<>();

  public synchronized void add(AblationEvent event) {
    items.computeIfAbsent(new Key(event.condition(), event.task()), k -> new LinkedHashMap<>())
        .put(event.jobId(), new Item(event.baseline(), event.ablated()));
  }

  /** One row per condition x task x scoring that has at least one scored item. */
  public synchronized List<AblationRow> snapshot() {
    List<AblationRow> rows = new ArrayList<>();
    items.forEach((key, byJob) -> {
      for (String scoring : Scorings.ALL) {
        int scored = 0;
        int baselineCorrect = 0;
        int broken = 0;
        for (Item item : byJob.values()) {
          Boolean before = Scorings.of(item.baseline(), scoring);
          Boolean after = Scorings.of(item.ablated(), scoring);
          if (before == null || after == null) {
            continue;
          }
          scored++;
          if (before) {
            baselineCorrect++;
            if (!after) {
              broken++;
            }
          }
        }
        if (scored > 0) {
          rows.add(new AblationRow(key.condition(), key.task(), scoring, scored, baselineCorrect,
              broken, baselineCorrect == 0 ? 0 : (double) broken / baselineCorrect,
              WilsonInterval.of(broken, baselineCorrect)));
        }
      }
    });
    return rows;
  }
}
