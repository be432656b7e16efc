package io.lenscast.aggregator;

import io.lenscast.events.Event;
import java.util.List;
import java.util.Map;

/**
 * The dataset metrics of one experiment/tag, fed one event at a time. The aggregator depends
 * only on this; {@link PaperMetrics} (the analyses module's metrics) is the one it uses.
 */
public interface DatasetMetrics {
  void add(Event event);

  /** Table rows (column name to value), ready to serialise. */
  List<Map<String, Object>> rows();
}
