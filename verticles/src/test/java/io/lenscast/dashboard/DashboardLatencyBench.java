package io.lenscast.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lenscast.events.StatusEvent;
import io.lenscast.kafka.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Benchmark, not a test (its name keeps it out of {@code mvn test}); run it with
 * {@code mvn -B -o -pl verticles -am test -Dtest=DashboardLatencyBench
 * -Dsurefire.failIfNoSpecifiedTests=false} (see web-ui/README.md). It streams a 33-layer job
 * (576 patches + last position, top-5 each) through the embedded Kafka at the pace of a worker
 * and measures in headless Chromium (1) the time from each layer event's {@code emittedAtMs} to
 * its patches painted, and (2) the per-frame work while animating the 33 layers.
 */
class DashboardLatencyBench {
  private static final int LAYERS = 33;

  @Test
  void measureLayerLatencyAndFrameTime() throws Exception {
    long paceMs = Long.getLong("bench.paceMs", 50);
    Path tmp = Files.createTempDirectory("lenscast-bench");
    try (TestBroker broker = new TestBroker(tmp.resolve("kafka")).start();
        RunningDashboard dashboard = new RunningDashboard(broker, "");
        HeadlessChromium chromium = new HeadlessChromium(tmp.resolve("profile"))) {
      var driver = chromium.driver;
      var js = (JavascriptExecutor) driver;
      driver.get(dashboard.url("/"));
      new WebDriverWait(driver, Duration.ofSeconds(30))
          .until(d -> "live".equals(d.findElement(By.id("conn")).getText()));

      RecordedJob warmup = new RecordedJob(UUID.randomUUID().toString(), LAYERS, "bench", null);
      RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), LAYERS, "bench", null);
      WsClient probe = WsClient.fast(dashboard.wsUrl("/ws"));
      List<Double> kafkaOnly = java.util.Collections.synchronizedList(new ArrayList<>());
      java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean(true);
      Thread kafkaProbe = new Thread(() -> {
        try (var consumer = new io.lenscast.kafka.KafkaClients(dashboard.config.kafka()).consumer(
            "bench-" + UUID.randomUUID(), "bench", Map.of("fetch.max.wait.ms", "50"))) {
          consumer.subscribe(List.of(dashboard.topics.name(io.lenscast.kafka.Topic.LAYERS)));
          while (polling.get()) {
            for (var r : consumer.poll(Duration.ofMillis(100))) {
              long now = System.currentTimeMillis();
              String v = new String(r.value(), java.nio.charset.StandardCharsets.UTF_8);
              if (v.contains(job.jobId)) {
                try {
                  kafkaOnly.add((double) (now - LayerEventTimes.of(v).emittedAtMs()));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }
            }
          }
        }
      });
      kafkaProbe.start();
      for (RecordedJob j : List.of(warmup, job)) {
        probe.send("{\"type\":\"subscribe\",\"jobId\":\"" + j.jobId + "\"}");
        dashboard.publish(j.job);
        dashboard.publish(j.status(StatusEvent.ACCEPTED, 0));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(
            By.cssSelector("[data-job-id='" + j.jobId + "']")).isEmpty());
        driver.findElement(By.cssSelector("[data-job-id='" + j.jobId + "']")).click();
        js.executeScript("window.lenscast.metrics.layerLatency.length = 0;");
        for (int l = 0; l < LAYERS; l++) {
          long next = System.nanoTime() + paceMs * 1_000_000;
          dashboard.publish(j.layer(l));
          dashboard.publish(j.status(StatusEvent.RUNNING, l + 1));
          LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> ((Number) js.executeScript(
            "return window.lenscast.metrics.layerLatency.length")).intValue() >= LAYERS);
      }
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> rows = (List<Map<String, Object>>) js.executeScript(
          "return window.lenscast.metrics.layerLatency");
      List<Double> latency = new ArrayList<>();
      List<Double> receiveToPaint = new ArrayList<>();
      for (Map<String, Object> r : rows) {
        double emitted = ((Number) r.get("emittedAtMs")).doubleValue();
        double received = ((Number) r.get("receivedAtMs")).doubleValue();
        double painted = ((Number) r.get("paintedAtMs")).doubleValue();
        latency.add(painted - emitted);
        receiveToPaint.add(painted - received);
      }
      assertEquals(LAYERS, latency.size(), "every layer painted and timed");
      System.out.printf("layer event emitted -> patches painted, %d layers, pace %d ms: %s%n",
          latency.size(), paceMs, stats(latency));
      System.out.printf("  of which browser receive -> painted: %s%n", stats(receiveToPaint));
      List<Double> toSocket = new ArrayList<>();
      for (int i = 0; i < probe.frames.size(); i++) {
        String f = probe.frames.get(i);
        if (f.contains(job.jobId) && f.contains("\"lenscast.layer\"")) {
          LayerEventTimes t = LayerEventTimes.of(f);
          toSocket.add((double) (probe.arrivedAtMs.get(i) - t.emittedAtMs()));
        }
      }
      probe.close();
      polling.set(false);
      kafkaProbe.join();
      System.out.printf("  emitted -> at a plain Kafka consumer: %s%n", stats(kafkaOnly));
      System.out.printf("  emitted -> at a plain WebSocket client (Kafka + dashboard): %s%n",
          stats(toSocket));

      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(300));
      @SuppressWarnings("unchecked")
      Map<String, List<Number>> frames = (Map<String, List<Number>>) js.executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "window.lenscast.animateBenchmark(3).then(done);");
      assertFalse(frames.get("work").isEmpty(), "the animation produced frames");
      System.out.printf("animating %d layers x 576 patches, per-frame work (paint + style + "
          + "layout): %s%n", LAYERS, stats(toDoubles(frames.get("work"))));
      System.out.printf("  interval between frames: %s%n", stats(toDoubles(frames.get("intervals"))));
      chromium.screenshot("bench-33-layers");
    }
  }

  /** The emit time of a layer frame. */
  private record LayerEventTimes(long emittedAtMs) {
    static LayerEventTimes of(String json) throws Exception {
      return new LayerEventTimes(io.lenscast.events.EventCodec.mapper().readTree(json)
          .path("emittedAtMs").asLong());
    }
  }

  private static List<Double> toDoubles(List<Number> in) {
    List<Double> out = new ArrayList<>();
    in.forEach(n -> out.add(n.doubleValue()));
    return out;
  }

  private static String stats(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    return String.format("n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms", v.size(), pct(v, 0.50),
        pct(v, 0.95), v.get(v.size() - 1));
  }

  private static double pct(List<Double> sorted, double q) {
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
