package io.lenscast.cli;

import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.ResultEvent;
import io.lenscast.events.StatusEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The bookkeeping of one load run: per job when it was published, when its first layer event
 * and its final status arrived, and the engine time its result reports; then the summary
 * (jobs/s, p50/p95 end-to-end latency and time to first layer, platform overhead = latency
 * minus engine time, relative to engine time).
 */
final class LoadRun {
  private final Map<String, Job> jobs = new HashMap<>();
  private long firstPublishNs = Long.MAX_VALUE;
  private long lastDoneNs;

  private static final class Job {
    long publishedNs;
    long firstLayerNs;
    long doneNs;
    boolean completed;
    double engineMs = Double.NaN;
  }

  void published(String jobId, long nowNs) {
    Job j = new Job();
    j.publishedNs = nowNs;
    jobs.put(jobId, j);
    firstPublishNs = Math.min(firstPublishNs, nowNs);
  }

  /** @return true when this record finished one of the run's jobs */
  boolean observe(ConsumerRecord<String, byte[]> record, long nowNs) {
    Job j = jobs.get(record.key());
    if (j == null || j.doneNs != 0) {
      return false;
    }
    Event e;
    try {
      e = EventCodec.parse(new String(record.value(), StandardCharsets.UTF_8));
    } catch (EventCodec.MalformedEventException ex) {
      return false;
    }
    if (e instanceof LayerEvent && j.firstLayerNs == 0) {
      j.firstLayerNs = nowNs;
    } else if (e instanceof ResultEvent r && r.timings() != null) {
      j.engineMs = engineMs(r.timings());
    } else if (e instanceof StatusEvent s && (s.state().equals(StatusEvent.COMPLETED)
        || s.state().equals(StatusEvent.FAILED))) {
      j.doneNs = nowNs;
      j.completed = s.state().equals(StatusEvent.COMPLETED);
      lastDoneNs = Math.max(lastDoneNs, nowNs);
      return true;
    }
    return false;
  }

  /** The engine's own time: its {@code total} stage, else the sum of the stages. */
  static double engineMs(Map<String, Double> timings) {
    Double total = timings.get("total");
    return total != null ? total
        : timings.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  int done() {
    return (int) jobs.values().stream().filter(j -> j.doneNs != 0).count();
  }

  String summary() {
    List<Double> latency = new ArrayList<>();
    List<Double> firstLayer = new ArrayList<>();
    List<Double> engine = new ArrayList<>();
    List<Double> overhead = new ArrayList<>();
    int failed = 0;
    for (Job j : jobs.values()) {
      if (j.doneNs == 0) {
        continue;
      }
      if (!j.completed) {
        failed++;
        continue;
      }
      double ms = (j.doneNs - j.publishedNs) / 1e6;
      latency.add(ms);
      if (j.firstLayerNs != 0) {
        firstLayer.add((j.firstLayerNs - j.publishedNs) / 1e6);
      }
      if (!Double.isNaN(j.engineMs)) {
        engine.add(j.engineMs);
        overhead.add(ms - j.engineMs);
      }
    }
    double wallS = (lastDoneNs - firstPublishNs) / 1e9;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("jobs: %d completed, %d failed, %d unfinished%n", latency.size(),
        failed, jobs.size() - done()));
    sb.append(String.format("throughput: %.2f jobs/s over %.1f s%n", done() / wallS, wallS));
    sb.append(String.format("end-to-end latency ms: p50 %.1f  p95 %.1f%n", pct(latency, 50),
        pct(latency, 95)));
    sb.append(String.format("time to first layer ms: p50 %.1f  p95 %.1f%n",
        pct(firstLayer, 50), pct(firstLayer, 95)));
    sb.append(String.format("engine time ms (result timings): p50 %.1f  p95 %.1f%n",
        pct(engine, 50), pct(engine, 95)));
    double engineP50 = pct(engine, 50);
    sb.append(String.format("platform overhead ms (latency - engine): p50 %.1f  p95 %.1f"
        + " = %.1f%% of the engine's p50%n", pct(overhead, 50), pct(overhead, 95),
        100 * pct(overhead, 50) / engineP50));
    return sb.toString();
  }

  static double pct(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
  }

  Optional<String> firstUnfinished() {
    return jobs.entrySet().stream().filter(e -> e.getValue().doneNs == 0)
        .map(Map.Entry::getKey).findFirst();
  }
}
