package io.lenscast.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.config.LenscastConfig;
import io.lenscast.events.EventCodec;
import io.lenscast.events.StatusEvent;
import io.lenscast.kafka.KafkaClients;
import io.lenscast.kafka.TestBroker;
import io.lenscast.metrics.LenscastMetrics;
import io.lenscast.testing.Jobs;
import io.lenscast.testing.TopicCollector;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Worker mechanics with a stand-in processor: pausing while busy, offsets, DLQ headers. */
class WorkerMechanicsTest {
  @RegisterExtension
  static final TestBroker broker = TestBroker.perClass();

  @Test
  void consumerTakesNoNewJobWhileOneRunsAndCommitsOnlyAfterItsEvents() throws Exception {
    LenscastConfig c = broker.configWithTopics();
    FakeProcessor fake = new FakeProcessor(3);
    fake.hold = new CountDownLatch(1);
    Vertx vertx = Vertx.vertx();
    try (LenscastMetrics metrics = new LenscastMetrics();
        TopicCollector status = new TopicCollector(broker.bootstrap(),
            List.of(c.kafka().topics().status()));
        KafkaProducer<String, byte[]> producer = new KafkaClients(c.kafka()).producer("t")) {
      vertx.deployVerticle(new WorkerVerticle(c, metrics, (name, dir) -> fake))
          .await(60, TimeUnit.SECONDS);
      for (String id : List.of("a1", "a2", "a3")) {
        producer.send(new ProducerRecord<>(c.kafka().topics().jobs(), 0, id,
            Jobs.describe(id).getBytes(StandardCharsets.UTF_8))).get();
      }
      var seen = status.until(rs -> has(rs, "a1", StatusEvent.RUNNING, 1),
          Duration.ofSeconds(60), "a1 running after its first layer");
      assertTrue(seen.stream().noneMatch(r -> !r.key().equals("a1")),
          "no other job accepted while a1 runs");
      assertEquals(0, committed(c), "nothing committed while the job runs");
      assertEquals(1.0, metrics.registry().get("lenscast.jobs.inflight").gauge().value());

      fake.hold.countDown();
      status.until(rs -> List.of("a1", "a2", "a3").stream()
          .allMatch(id -> has(rs, id, StatusEvent.COMPLETED, -1)), Duration.ofSeconds(60),
          "all three completed");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (committed(c) < 3 && System.nanoTime() < deadline) {
        status.records();
      }
      assertEquals(3, committed(c));
    } finally {
      vertx.close().await(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void malformedMessageGoesToDlqWithOriginalBytesAndHeadersAndTheLoopGoesOn()
      throws Exception {
    LenscastConfig c = broker.configWithTopics();
    Vertx vertx = Vertx.vertx();
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
    try (LenscastMetrics metrics = new LenscastMetrics();
        TopicCollector out = new TopicCollector(broker.bootstrap(),
            List.of(c.kafka().topics().status(), c.kafka().topics().dlq()));
        KafkaProducer<String, byte[]> producer = new KafkaClients(c.kafka()).producer("t")) {
      vertx.deployVerticle(new WorkerVerticle(c, metrics, (n, d) -> new FakeProcessor(2)))
          .await(60, TimeUnit.SECONDS);
      producer.send(new ProducerRecord<>(c.kafka().topics().jobs(), 0, "bad-1", garbage)).get();
      producer.send(new ProducerRecord<>(c.kafka().topics().jobs(), 0, "good-1",
          Jobs.describe("good-1").getBytes(StandardCharsets.UTF_8))).get();
      var rs = out.until(r -> has(r, "good-1", StatusEvent.COMPLETED, -1)
          && has(r, "bad-1", StatusEvent.FAILED, -1), Duration.ofSeconds(60),
          "bad-1 failed, good-1 completed");
      ConsumerRecord<String, byte[]> dlq = rs.stream()
          .filter(r -> r.topic().equals(c.kafka().topics().dlq())).findFirst().orElseThrow();
      assertEquals("bad-1", dlq.key());
      assertEquals(new String(garbage, StandardCharsets.UTF_8),
          new String(dlq.value(), StandardCharsets.UTF_8));
      assertEquals("malformed", TopicCollector.headers(dlq).get("lenscast.error.code"));
      assertTrue(TopicCollector.headers(dlq).get("lenscast.error.message").contains("JSON"));
      assertTrue(metrics.scrape().contains("lenscast_jobs_failed_total{reason=\"malformed\"} 1.0"));
    } finally {
      vertx.close().await(60, TimeUnit.SECONDS);
    }
  }

  static boolean has(List<ConsumerRecord<String, byte[]>> rs, String jobId, String state,
      int done) {
    return rs.stream().anyMatch(r -> {
      if (!jobId.equals(r.key())) {
        return false;
      }
      try {
        var e = EventCodec.parse(new String(r.value(), StandardCharsets.UTF_8));
        return e instanceof StatusEvent s && s.state().equals(state)
            && (done < 0 || (s.progress() != null && s.progress().done() == done));
      } catch (EventCodec.MalformedEventException ex) {
        return false;
      }
    });
  }

  private static long committed(LenscastConfig c) throws Exception {
    try (Admin admin = Admin.create(new KafkaClients(c.kafka()).common())) {
      return admin.listConsumerGroupOffsets(c.worker().groupId())
          .partitionsToOffsetAndMetadata().get().values().stream()
          .mapToLong(o -> o == null ? 0 : o.offset()).sum();
    }
  }
}
