package io.lenscast.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lenscast.config.KafkaSettings;
import io.lenscast.events.EventCodec;
import io.lenscast.events.StatusEvent;
import io.lenscast.kafka.Topics;
import io.lenscast.metrics.LenscastMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The worker's sink turns a lens-less job's progress steps into {@code running} statuses. */
class JobEventPublisherTest {
  @Test
  void progressOfAJobWithoutTheLensBecomesARunningStatusWithDoneAndTotal() throws Exception {
    MockProducer<String, byte[]> producer = new MockProducer<>(true, null,
        new StringSerializer(), new ByteArraySerializer());
    Topics topics = new Topics(new KafkaSettings.TopicNames("j", "l", "a", "k", "r", "s", "agg",
        "dlq"));
    try (LenscastMetrics metrics = new LenscastMetrics()) {
      JobEventPublisher out = new JobEventPublisher(producer, topics, metrics, "w1");
      out.progress("job-7", 2, 6);
      List<ProducerRecord<String, byte[]>> sent = producer.history();
      assertEquals(1, sent.size());
      assertEquals("s", sent.get(0).topic());
      assertEquals("job-7", sent.get(0).key());
      StatusEvent s = EventCodec.fromJson(new String(sent.get(0).value(),
          StandardCharsets.UTF_8), StatusEvent.class);
      assertEquals(StatusEvent.RUNNING, s.state());
      assertEquals(new StatusEvent.Progress(2, 6), s.progress());
      assertEquals("w1", s.worker());
    }
  }
}
