package io.lenscast.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LenscastMetricsTest {
  @Test
  void prometheusExpositionUsesTheNamesGrafanaReads() {
    try (LenscastMetrics m = new LenscastMetrics()) {
      m.jobConsumed();
      m.jobCompleted();
      m.jobFailed("bad_image");
      m.eventPublished("lenscast.layers.v1");
      m.stage("model").record(java.time.Duration.ofMillis(12));
      m.consumerLag("lenscast-workers", () -> 3);
      m.inflight().incrementAndGet();
      String text = m.scrape();
      for (String name : new String[] {
          "lenscast_jobs_consumed_total 1.0", "lenscast_jobs_completed_total 1.0",
          "lenscast_jobs_failed_total{reason=\"bad_image\"} 1.0",
          "lenscast_events_published_total{topic=\"lenscast.layers.v1\"} 1.0",
          "lenscast_stage_seconds_count{stage=\"model\"} 1",
          "lenscast_consumer_lag{group=\"lenscast-workers\"} 3.0",
          "lenscast_jobs_inflight 1.0", "lenscast_native_memory_bytes",
          "jvm_memory_used_bytes", "jvm_threads_live_threads"}) {
        assertTrue(text.contains(name), "missing " + name);
      }
    }
  }

  @Test
  void theLagOfAGroupSumsItsConsumersInThisProcessUntilTheyLeave() throws Exception {
    try (LenscastMetrics m = new LenscastMetrics()) {
      AutoCloseable first = m.consumerLag("lenscast-workers", () -> 3);
      AutoCloseable second = m.consumerLag("lenscast-workers", () -> 4);
      m.consumerLag("other", () -> 10);
      assertTrue(m.scrape().contains("lenscast_consumer_lag{group=\"lenscast-workers\"} 7.0"));
      first.close();
      assertTrue(m.scrape().contains("lenscast_consumer_lag{group=\"lenscast-workers\"} 4.0"));
      second.close();
      assertTrue(m.scrape().contains("lenscast_consumer_lag{group=\"lenscast-workers\"} 0.0"));
      assertTrue(m.scrape().contains("lenscast_consumer_lag{group=\"other\"} 10.0"));
    }
  }
}
