package io.lenscast.aggregator;

import com.fasterxml.jackson.core.type.TypeReference;
import io.lenscast.analysis.metrics.AblationMetrics;
import io.lenscast.analysis.metrics.KnockoutMetrics;
import io.lenscast.events.AblationEvent;
import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.lenscast.events.KnockoutEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's dataset metrics of one experiment/tag, from the analyses module: for ablations
 * the share of baseline-correct items broken by each condition, for knockouts the relative
 * accuracy per edge set and window, both with Wilson intervals and per scoring. Rows carry a
 * {@code kind} column ({@code ablation} or {@code knockout}).
 */
public final class PaperMetrics implements DatasetMetrics {
  private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {};
  private final AblationMetrics ablations = new AblationMetrics();
  private final KnockoutMetrics knockouts = new KnockoutMetrics();

  @Override
  public void add(Event event) {
    if (event instanceof AblationEvent a) {
      ablations.add(a);
    } else if (event instanceof KnockoutEvent k) {
      knockouts.add(k);
    }
  }

  @Override
  public List<Map<String, Object>> rows() {
    List<Map<String, Object>> rows = new ArrayList<>();
    ablations.snapshot().forEach(r -> rows.add(row("ablation", r)));
    knockouts.snapshot().forEach(r -> rows.add(row("knockout", r)));
    return rows;
  }

  private static Map<String, Object> row(String kind, Object record) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("kind", kind);
    row.putAll(EventCodec.mapper().convertValue(record, ROW));
    return row;
  }
}
