package io.lenscast.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.config.LenscastConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {
  @TempDir
  Path tmp;

  @Test
  void topicsAndRecordsSurviveABrokerRestartOnTheSameDataDir() throws Exception {
    try (TestBroker broker = new TestBroker(tmp.resolve("kafka")).start()) {
      LenscastConfig c = broker.config("");
      broker.createTopics(c);
      KafkaClients clients = new KafkaClients(c.kafka());
      try (Admin admin = Admin.create(clients.common())) {
        var described = admin.describeTopics(List.of(c.kafka().topics().jobs())).allTopicNames()
            .get().get(c.kafka().topics().jobs());
        assertEquals(4, described.partitions().size(), "partitions from config");
        assertTrue(admin.listTopics().names().get().containsAll(broker.topicsOf(c)));
      }
      try (KafkaProducer<String, byte[]> p = clients.producer("test")) {
        p.send(new ProducerRecord<>(c.kafka().topics().jobs(), "k1",
            "before".getBytes(StandardCharsets.UTF_8))).get();
      }

      broker.kafka().close();
      broker.kafka().start();

      try (KafkaProducer<String, byte[]> p = clients.producer("test")) {
        p.send(new ProducerRecord<>(c.kafka().topics().jobs(), "k1",
            "after".getBytes(StandardCharsets.UTF_8))).get();
      }
      List<String> values = new ArrayList<>();
      try (KafkaConsumer<String, byte[]> consumer =
          clients.consumer("g-" + System.nanoTime(), "test", Map.of())) {
        consumer.subscribe(List.of(c.kafka().topics().jobs()));
        long deadline = System.currentTimeMillis() + 30_000;
        while (values.size() < 2 && System.currentTimeMillis() < deadline) {
          for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            values.add(new String(r.value(), StandardCharsets.UTF_8));
          }
        }
      }
      assertEquals(List.of("before", "after"), values);
    }
  }
}
