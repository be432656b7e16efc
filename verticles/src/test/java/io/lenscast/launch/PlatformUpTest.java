package io.lenscast.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.config.ConfigLoader;
import io.lenscast.config.LenscastConfig;
import io.lenscast.events.StatusEvent;
import io.lenscast.kafka.FreePorts;
import io.lenscast.kafka.KafkaClients;
import io.lenscast.testing.Events;
import io.lenscast.testing.Jobs;
import io.lenscast.testing.TopicCollector;
import io.lenscast.worker.EngineProcessors;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./lenscast up} starts, in process: the embedded broker (data kept in its folder),
 * topics, worker with the real engine, dashboard and aggregator; a job published with a plain
 * client completes, the dashboard's /metrics shows it, and its experiment's aggregate appears.
 */
class PlatformUpTest {
  @TempDir
  Path tmp;

  @Test
  void upServesAJobEndToEndWithMetricsAndExperimentAggregates() throws Exception {
    int[] ports = FreePorts.pick(3);
    LenscastConfig c = ConfigLoader.fromOverlay("""
        {"kafka": {"embedded": {"port": %d, "controllerPort": %d, "dataDir": "%s"}},
         "worker": {"models": {"demo": "../shared/fixtures/tiny-llava-a"}},
         "dashboard": {"port": %d, "webRoot": "../web-ui"},
         "aggregator": {"publishIntervalMs": 200}}
        """.formatted(ports[0], ports[1], tmp.resolve("kafka"), ports[2]), Path.of(""));
    String id = "up-" + System.nanoTime();
    try (Platform up = Platform.start(c, EnumSet.of(Role.WORKER, Role.DASHBOARD,
            Role.AGGREGATOR), true, new EngineProcessors(c.worker()));
        TopicCollector out = new TopicCollector(up.bootstrapServers(),
            List.of(c.kafka().topics().status(), c.kafka().topics().aggregates()));
        KafkaProducer<String, byte[]> producer = new KafkaClients(c.kafka()).producer("t")) {
      assertEquals("127.0.0.1:" + ports[0], up.bootstrapServers());
      producer.send(new ProducerRecord<>(c.kafka().topics().jobs(), id,
          Jobs.ablation(id, "exp-up").getBytes(StandardCharsets.UTF_8))).get();
      var rs = out.until(r -> Events.finished(r, id) && r.stream().anyMatch(
          a -> "exp-up/default".equals(a.key())), Duration.ofSeconds(120),
          "the job and its experiment's aggregate");
      assertEquals(StatusEvent.COMPLETED, Events.finalStatus(rs, id).orElseThrow().state());
      var aggregate = new JsonObject(new String(rs.stream().filter(
          a -> "exp-up/default".equals(a.key())).reduce((a, b) -> b).orElseThrow().value(),
          StandardCharsets.UTF_8));
      assertEquals(1, aggregate.getInteger("jobs"), aggregate.encode());
      assertTrue(aggregate.getJsonArray("rows").stream().anyMatch(
          r -> "object_b1".equals(((JsonObject) r).getString("condition"))), aggregate.encode());

      HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + ports[2] + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.body().contains("lenscast_jobs_completed_total 1.0"), metrics.body());
      assertTrue(metrics.body().contains("lenscast_ws_clients"), "dashboard meters present");
    }
    assertTrue(tmp.resolve("kafka/meta.properties").toFile().isFile(), "data kept on disk");
  }
}
