package io.lenscast.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.config.ConfigLoader;
import io.lenscast.config.LenscastConfig;
import io.lenscast.metrics.LenscastMetrics;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerHttpVerticleTest {
  @Test
  void servesHealthAndPrometheusMetricsOnTheConfiguredHost() throws Exception {
    LenscastConfig c = ConfigLoader.fromOverlay("{\"worker\": {\"httpPort\": 0}}", Path.of(""));
    Vertx vertx = Vertx.vertx();
    try (LenscastMetrics metrics = new LenscastMetrics()) {
      metrics.jobCompleted();
      WorkerHttpVerticle http = new WorkerHttpVerticle(c.worker(), metrics);
      vertx.deployVerticle(http).await(30, TimeUnit.SECONDS);
      HttpClient client = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + http.actualPort();
      HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base
          + "/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      HttpResponse<String> scrape = client.send(HttpRequest.newBuilder(URI.create(base
          + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, scrape.statusCode());
      assertTrue(scrape.body().contains("lenscast_jobs_completed_total 1.0"), scrape.body());
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }
}
