package io.lenscast.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.config.LenscastConfig;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.StatusEvent;
import io.lenscast.kafka.KafkaClients;
import io.lenscast.kafka.TestBroker;
import io.lenscast.launch.Platform;
import io.lenscast.launch.Role;
import io.lenscast.schema.EventSchemas;
import io.lenscast.testing.Events;
import io.lenscast.testing.Jobs;
import io.lenscast.testing.TopicCollector;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker with the real engine on the fixture model, against the embedded broker: a job
 * published with a plain Kafka client streams every layer, its result and its statuses, all
 * schema-valid; each kind of bad job ends in the DLQ and a {@code failed} status while the next
 * good job completes.
 */
class WorkerEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(120);
  @TempDir
  static Path tmp;
  static TestBroker broker;
  static LenscastConfig config;
  static Platform platform;
  static KafkaProducer<String, byte[]> producer;
  static final EventSchemas SCHEMAS = new EventSchemas();

  @BeforeAll
  static void start() throws Exception {
    broker = new TestBroker(tmp.resolve("kafka")).start();
    config = broker.config("\"worker\": {\"maxImagePixels\": 500000}");
    platform = Platform.start(config, java.util.EnumSet.of(Role.WORKER), false,
        new EngineProcessors(config.worker()));
    producer = new KafkaClients(config.kafka()).producer("test");
  }

  @AfterAll
  static void stop() throws Exception {
    if (producer != null) {
      producer.close();
    }
    if (platform != null) {
      platform.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static void publish(String key, String json) throws Exception {
    producer.send(new ProducerRecord<>(config.kafka().topics().jobs(), key,
        json.getBytes(StandardCharsets.UTF_8))).get();
  }

  private static TopicCollector outputs() {
    var t = config.kafka().topics();
    return new TopicCollector(broker.bootstrap(), List.of(t.layers(), t.ablations(),
        t.knockouts(), t.results(), t.status(), t.dlq()));
  }

  @Test
  void jobStreamsEveryLayerInOrderThenResultAndCompletedAllSchemaValid() throws Exception {
    String id = "e2e-" + UUID.randomUUID();
    try (TopicCollector out = outputs()) {
      publish(id, Jobs.describe(id));
      var rs = out.until(r -> Events.finished(r, id), WAIT, "job " + id + " finished");
      assertEquals(StatusEvent.COMPLETED, Events.finalStatus(rs, id).orElseThrow().state(),
          () -> "final status " + Events.finalStatus(rs, id));
      List<LayerEvent> layers = Events.layers(rs, id);
      int n = layers.get(0).numLayers();
      assertEquals(n, layers.size(), "one event per layer");
      for (int i = 0; i < n; i++) {
        assertEquals(i, layers.get(i).layer(), "layers in order");
      }
      assertEquals(1, Events.results(rs, id).size(), "one result");
      List<StatusEvent> statuses = Events.statuses(rs, id);
      assertEquals(StatusEvent.ACCEPTED, statuses.get(0).state());
      assertEquals(StatusEvent.COMPLETED, statuses.get(statuses.size() - 1).state());
      List<Integer> progress = statuses.stream().filter(s -> s.progress() != null)
          .map(s -> s.progress().done()).toList();
      assertEquals(java.util.stream.IntStream.rangeClosed(1, n).boxed().toList(), progress);
      for (ConsumerRecord<String, byte[]> r : rs) {
        if (id.equals(r.key())) {
          JsonObject json = new JsonObject(new String(r.value(), StandardCharsets.UTF_8));
          assertEquals(List.of(), SCHEMAS.problems(json), r.topic() + ": " + json.encode());
        }
      }
    }
  }

  @Test
  void eachKindOfBadJobEndsInDlqAndFailedWhileTheNextGoodJobCompletes() throws Exception {
    String s = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> expected = new LinkedHashMap<>();
    try (TopicCollector out = outputs()) {
      publish("malformed-" + s, "{\"schema\": \"lenscast.job\", oops");
      expected.put("malformed-" + s, ErrorCodes.MALFORMED);
      publish("v2-" + s, Jobs.describe("v2-" + s).replace("\"version\":1", "\"version\":2"));
      expected.put("v2-" + s, ErrorCodes.UNSUPPORTED_VERSION);
      publish("corrupt-" + s, Jobs.describe("corrupt-" + s,
          Base64.getEncoder().encodeToString("\u0089PNG garbage".getBytes()), null));
      expected.put("corrupt-" + s, "bad_image");
      publish("huge-" + s, Jobs.describe("huge-" + s, largePng(1000, 1000), null));
      expected.put("huge-" + s, "image_too_large");
      publish("noimage-" + s, Jobs.withPrompt("noimage-" + s, "USER: what is it? ASSISTANT:"));
      expected.put("noimage-" + s, "bad_prompt");
      publish("model-" + s, Jobs.describe("model-" + s, Jobs.base64(Jobs.IMG0), "no-such"));
      expected.put("model-" + s, "unknown_model");
      String good = "good-" + s;
      publish(good, Jobs.describe(good));

      var rs = out.until(r -> expected.keySet().stream().allMatch(k -> Events.finished(r, k))
          && Events.finished(r, good), WAIT, "all bad jobs failed and the good one finished");
      for (var e : expected.entrySet()) {
        StatusEvent last = Events.finalStatus(rs, e.getKey()).orElseThrow();
        assertEquals(StatusEvent.FAILED, last.state(), e.getKey());
        assertEquals(e.getValue(), last.error().code(), e.getKey() + ": " + last.error());
        ConsumerRecord<String, byte[]> dlq = rs.stream()
            .filter(r -> r.topic().equals(config.kafka().topics().dlq())
                && e.getKey().equals(r.key())).findFirst().orElseThrow();
        assertEquals(e.getValue(), TopicCollector.headers(dlq).get("lenscast.error.code"));
        assertTrue(!TopicCollector.headers(dlq).get("lenscast.error.message").isBlank());
      }
      assertEquals(StatusEvent.COMPLETED, Events.finalStatus(rs, good).orElseThrow().state());
    }
  }

  private static String largePng(int w, int h) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", bytes);
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
