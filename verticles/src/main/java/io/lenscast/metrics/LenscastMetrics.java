package io.lenscast.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * The one metrics registry of a lenscast process, created at start and handed to every
 * verticle. It owns the meter names the Grafana dashboard reads (Prometheus spelling in
 * brackets): jobs consumed/completed/failed ({@code lenscast_jobs_*_total}, failed tagged
 * {@code reason}), per-stage timer ({@code lenscast_stage_seconds}, tag {@code stage}),
 * in-flight jobs, events published (tag {@code topic}), consumer lag (tag {@code group}), JVM
 * binders and native memory. The dashboard verticle registers its own {@code lenscast.ws.clients}
 * gauge and {@code lenscast.ws.dropped} counter on {@link #registry()}.
 */
public final class LenscastMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicInteger inflight = new AtomicInteger();
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<String, List<DoubleSupplier>> lags = new ConcurrentHashMap<>();

  public LenscastMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    gc.bindTo(registry);
    Gauge.builder("lenscast.jobs.inflight", inflight, AtomicInteger::get)
        .description("jobs being processed now").register(registry);
    Gauge.builder("lenscast.native.memory.bytes", NativeMemory::outsideHeapBytes)
        .description("resident set size minus JVM heap in use (model weights, activations)")
        .baseUnit("bytes").register(registry);
    Counter.builder("lenscast.jobs.consumed").register(registry);
    Counter.builder("lenscast.jobs.completed").register(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter, for {@code GET /metrics}. */
  public String scrape() {
    return registry.scrape();
  }

  public void jobConsumed() {
    registry.counter("lenscast.jobs.consumed").increment();
  }

  public void jobCompleted() {
    registry.counter("lenscast.jobs.completed").increment();
  }

  /** @param reason the error code ({@code bad_image}, {@code malformed}, ...) */
  public void jobFailed(String reason) {
    registry.counter("lenscast.jobs.failed", "reason", reason).increment();
  }

  /** The timer of one processing stage ({@code decode}, {@code model}, {@code publish}...). */
  public Timer stage(String stage) {
    return Timer.builder("lenscast.stage").tag("stage", stage)
        .publishPercentiles(0.5, 0.95).register(registry);
  }

  /** Jobs being processed right now; the worker increments on start, decrements at the end. */
  public AtomicInteger inflight() {
    return inflight;
  }

  public void eventPublished(String topic) {
    registry.counter("lenscast.events.published", "topic", topic).increment();
  }

  /**
   * Adds a consumer's lag to its group's gauge: the gauge is the sum over this process's
   * consumers of the group (each has its own partitions), so several worker instances in one
   * process all count. Closing the returned handle takes the consumer out again.
   */
  public AutoCloseable consumerLag(String group, DoubleSupplier lag) {
    List<DoubleSupplier> members = lags.computeIfAbsent(group, g -> {
      List<DoubleSupplier> list = new CopyOnWriteArrayList<>();
      Gauge.builder("lenscast.consumer.lag",
              () -> list.stream().mapToDouble(DoubleSupplier::getAsDouble).sum())
          .tag("group", g)
          .description("records behind the end of the assigned partitions").register(registry);
      return list;
    });
    members.add(lag);
    return () -> members.remove(lag);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
