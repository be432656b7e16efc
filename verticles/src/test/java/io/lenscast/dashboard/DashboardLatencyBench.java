package io.lenscast.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lenscast.events.EventCodec;
import io.lenscast.events.StatusEvent;
import io.lenscast.kafka.KafkaClients;
import io.lenscast.kafka.TestBroker;
import io.lenscast.kafka.Topic;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Benchmark, not a test (its name keeps it out of {@code mvn test}); run it with
 * {@code mvn -B -o -pl verticles -am test -Dtest=DashboardLatencyBench
 * -Dsurefire.failIfNoSpecifiedTests=false} (see docs/benchmarks.md). It streams 33-layer jobs
 * (576 patches + last position, top-5 each, recorded from the fixture's real lens) through the
 * embedded Kafka at a worker's pace ({@code -Dbench.paceMs}, default 50) and measures in
 * headless Chromium:
 * <ol>
 *   <li>the time from each layer event's {@code emittedAtMs} to its patches painted, over
 *       {@code -Dbench.jobs} jobs (default 2) after {@code -Dbench.warmupJobs} (default 3)
 *       that warm both JITs;
 *   <li>where that time goes, on one more job the browser does not watch (so the probes do not
 *       compete with it): emitted to a plain Kafka consumer, and to a plain WebSocket client;
 *   <li>the work per frame while animating the 33 layers.
 * </ol>
 * {@code -Dbench.layers=full} has the page subscribe to the full layer events instead of compact
 * frames. {@code -Dbench.trace=true} also writes a DevTools timeline to target/dashboard-trace.jsonl.
 */
class DashboardLatencyBench {
  private static final int LAYERS = 33;

  private final long paceMs = Long.getLong("bench.paceMs", 50);

  @Test
  void measureLayerLatencyAndFrameTime() throws Exception {
    int warmupJobs = Integer.getInteger("bench.warmupJobs", 3);
    int measuredJobs = Integer.getInteger("bench.jobs", 2);
    Path tmp = Files.createTempDirectory("lenscast-bench");
    try (TestBroker broker = new TestBroker(tmp.resolve("kafka")).start();
        RunningDashboard dashboard = new RunningDashboard(broker, "");
        HeadlessChromium chromium = new HeadlessChromium(tmp.resolve("profile"))) {
      ChromeDriver driver = chromium.driver;
      JavascriptExecutor js = driver;
      String layers = System.getProperty("bench.layers", "compact");
      driver.get(dashboard.url("/?layers=" + layers));
      new WebDriverWait(driver, Duration.ofSeconds(30))
          .until(d -> "live".equals(d.findElement(By.id("conn")).getText()));

      for (int i = 0; i < warmupJobs; i++) {
        streamToBrowser(dashboard, driver);
      }
      List<Double> latency = new ArrayList<>();
      List<Double> receiveToPaint = new ArrayList<>();
      for (int i = 0; i < measuredJobs; i++) {
        for (Map<String, Object> r : streamToBrowser(dashboard, driver)) {
          double painted = ((Number) r.get("paintedAtMs")).doubleValue();
          latency.add(painted - ((Number) r.get("emittedAtMs")).doubleValue());
          receiveToPaint.add(painted - ((Number) r.get("receivedAtMs")).doubleValue());
        }
      }
      assertEquals(LAYERS * measuredJobs, latency.size(), "every layer painted and timed");
      System.out.printf("layer event emitted -> patches painted, %d jobs x %d layers, pace %d ms,"
          + " %s layer frames: %s%n", measuredJobs, LAYERS, paceMs, layers, stats(latency));
      System.out.printf("  of which browser receive -> painted: %s%n", stats(receiveToPaint));
      measureWithoutBrowser(dashboard);

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
      if (Boolean.getBoolean("bench.trace")) {
        writeTrace(driver, Path.of("target", "dashboard-trace.jsonl"));
      }
    }
  }

  /** Publishes a job, opens it in the browser, streams its layers; the browser's timings. */
  private List<Map<String, Object>> streamToBrowser(RunningDashboard dashboard,
      ChromeDriver driver) {
    RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), LAYERS, "bench", null);
    dashboard.publish(job.job);
    dashboard.publish(job.status(StatusEvent.ACCEPTED, 0));
    By row = By.cssSelector("[data-job-id='" + job.jobId + "']");
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> !d.findElements(row).isEmpty());
    driver.findElement(row).click();
    driver.executeScript("window.lenscast.metrics.layerLatency.length = 0;");
    streamLayers(dashboard, job);
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> ((Number) driver.executeScript(
        "return window.lenscast.metrics.layerLatency.length")).intValue() >= LAYERS);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) driver.executeScript(
        "return window.lenscast.metrics.layerLatency");
    return rows;
  }

  /** Emitted -> a plain Kafka consumer, and -> a plain WebSocket client, on a job of its own. */
  private void measureWithoutBrowser(RunningDashboard dashboard) throws Exception {
    RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), LAYERS, "bench", null);
    List<Double> kafkaOnly = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean polling = new AtomicBoolean(true);
    Thread kafkaProbe = new Thread(() -> {
      try (var consumer = new KafkaClients(dashboard.config.kafka()).consumer(
          "bench-" + UUID.randomUUID(), "bench", Map.of("fetch.max.wait.ms", "50"))) {
        consumer.subscribe(List.of(dashboard.topics.name(Topic.LAYERS)));
        while (polling.get()) {
          for (var r : consumer.poll(Duration.ofMillis(100))) {
            long now = System.currentTimeMillis();
            String v = new String(r.value(), StandardCharsets.UTF_8);
            if (v.contains(job.jobId)) {
              kafkaOnly.add((double) (now - emittedAtMs(v)));
            }
          }
        }
      }
    }, "bench-kafka-probe");
    kafkaProbe.start();
    List<Double> toSocket = new ArrayList<>();
    try (WsClient probe = WsClient.fast(dashboard.wsUrl("/ws"))) {
      probe.send("{\"type\":\"subscribe\",\"jobId\":\"" + job.jobId + "\"}");
      Thread.sleep(2000); // the probe consumer has joined its group and the socket subscribed
      dashboard.publish(job.job);
      streamLayers(dashboard, job);
      Thread.sleep(1000);
      for (int i = 0; i < probe.frames.size(); i++) {
        String f = probe.frames.get(i);
        if (f.contains(job.jobId) && f.contains("\"lenscast.layer\"")) {
          toSocket.add((double) (probe.arrivedAtMs.get(i) - emittedAtMs(f)));
        }
      }
    } finally {
      polling.set(false);
      kafkaProbe.join();
    }
    System.out.printf("  emitted -> at a plain Kafka consumer: %s%n", stats(kafkaOnly));
    System.out.printf("  emitted -> at a plain WebSocket client (Kafka + dashboard): %s%n",
        stats(toSocket));
  }

  /** One layer event and one progress status per layer, at the worker's pace. */
  private void streamLayers(RunningDashboard dashboard, RecordedJob job) {
    for (int l = 0; l < LAYERS; l++) {
      long next = System.nanoTime() + paceMs * 1_000_000;
      dashboard.publish(job.layer(l));
      dashboard.publish(job.status(StatusEvent.RUNNING, l + 1));
      LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
    }
  }

  private static long emittedAtMs(String json) {
    try {
      return EventCodec.mapper().readTree(json).path("emittedAtMs").asLong();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeTrace(ChromeDriver driver, Path file) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (var e : driver.manage().logs().get("performance").getAll()) {
        w.write(e.getMessage());
        w.newLine();
      }
    }
    System.out.println("DevTools timeline: " + file.toAbsolutePath());
  }

  private static List<Double> toDoubles(List<Number> in) {
    List<Double> out = new ArrayList<>();
    in.forEach(n -> out.add(n.doubleValue()));
    return out;
  }

  private static String stats(List<Double> values) {
    if (values.isEmpty()) {
      return "n=0";
    }
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
