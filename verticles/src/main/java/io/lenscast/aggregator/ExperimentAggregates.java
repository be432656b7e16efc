package io.lenscast.aggregator;

import io.lenscast.events.AblationEvent;
import io.lenscast.events.Event;
import io.lenscast.events.JobEvent;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.ResultEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Routes job outputs to the metrics of their experiment/tag (learned from the job itself, which
 * may arrive after its outputs: those wait), counts each output once however often Kafka
 * redelivers it, and remembers which groups changed since the last publish. Pure: no I/O.
 */
public final class ExperimentAggregates {
  private static final int MAX_JOBS = 200_000;

  private final Supplier<DatasetMetrics> newMetrics;
  private final Map<String, String> groupOfJob = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > MAX_JOBS;
    }
  };
  private final Map<String, List<Event>> waiting = new LinkedHashMap<>();
  private final Set<String> seen = new HashSet<>();
  private final Map<String, DatasetMetrics> metrics = new LinkedHashMap<>();
  private final Map<String, Integer> jobsDone = new LinkedHashMap<>();
  private final Map<String, String[]> names = new LinkedHashMap<>();
  private final Set<String> changed = new LinkedHashSet<>();

  public ExperimentAggregates(Supplier<DatasetMetrics> newMetrics) {
    this.newMetrics = newMetrics;
  }

  /** The aggregate key of a job: {@code experiment/tag}, {@code default} for either absent. */
  public static String groupKey(JobEvent job) {
    return nameOr(job.experiment()) + "/" + nameOr(job.tag());
  }

  private static String nameOr(String name) {
    return name == null ? "default" : name;
  }

  public synchronized void accept(Event event) {
    if (event instanceof JobEvent job) {
      if (job.jobId() == null || groupOfJob.containsKey(job.jobId())) {
        return;
      }
      String group = groupKey(job);
      groupOfJob.put(job.jobId(), group);
      names.putIfAbsent(group, new String[] {nameOr(job.experiment()), nameOr(job.tag())});
      List<Event> pending = waiting.remove(job.jobId());
      if (pending != null) {
        pending.forEach(this::route);
      }
      return;
    }
    if (!(event instanceof AblationEvent || event instanceof KnockoutEvent
        || event instanceof ResultEvent) || !seen.add(identity(event))) {
      return;
    }
    if (groupOfJob.containsKey(event.jobId())) {
      route(event);
    } else if (waiting.size() < MAX_JOBS) {
      waiting.computeIfAbsent(event.jobId(), k -> new ArrayList<>()).add(event);
    }
  }

  private void route(Event event) {
    String group = groupOfJob.get(event.jobId());
    if (event instanceof ResultEvent) {
      jobsDone.merge(group, 1, Integer::sum);
    } else {
      metrics.computeIfAbsent(group, g -> newMetrics.get()).add(event);
    }
    changed.add(group);
  }

  private static String identity(Event e) {
    if (e instanceof AblationEvent a) {
      return a.jobId() + "|a|" + a.condition();
    }
    if (e instanceof KnockoutEvent k) {
      return k.jobId() + "|k|" + k.edgeSet() + "|" + k.window() + "|" + k.layers()[0] + "-"
          + k.layers()[1];
    }
    return e.jobId() + "|r";
  }

  /** Groups changed since the last call, each with its current aggregate; resets the marks. */
  public synchronized Map<String, Aggregate> drainChanged() {
    Map<String, Aggregate> out = new LinkedHashMap<>();
    for (String group : changed) {
      out.put(group, snapshot(group));
    }
    changed.clear();
    return out;
  }

  public synchronized Map<String, Aggregate> all() {
    Map<String, Aggregate> out = new LinkedHashMap<>();
    Set<String> groups = new LinkedHashSet<>(jobsDone.keySet());
    groups.addAll(metrics.keySet());
    groups.forEach(g -> out.put(g, snapshot(g)));
    return out;
  }

  private Aggregate snapshot(String group) {
    String[] experimentAndTag = names.get(group);
    DatasetMetrics m = metrics.get(group);
    return new Aggregate("lenscast.aggregates", 1, experimentAndTag[0], experimentAndTag[1],
        jobsDone.getOrDefault(group, 0),
        m == null ? List.of() : m.rows(), System.currentTimeMillis());
  }

  /** The value published on the aggregates topic, keyed by {@code experiment/tag}. */
  public record Aggregate(String schema, int version, String experiment, String tag, int jobs,
      List<Map<String, Object>> rows, long updatedAtMs) {}
}
