package io.lenscast.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from the beginning in a fresh group and keeps every record, so a test can wait
 * (polling with a deadline, never sleeping) until what it expects has arrived.
 */
public final class TopicCollector implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

  public TopicCollector(String bootstrap, List<String> topics) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "collector-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(topics);
  }

  /** Polls until {@code done} holds for everything received, or fails after {@code timeout}. */
  public List<ConsumerRecord<String, byte[]>> until(
      Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(records)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for "
            + what + "; got " + records.size() + " records: " + summary());
      }
      consumer.poll(Duration.ofMillis(100)).forEach(records::add);
    }
    return List.copyOf(records);
  }

  public List<ConsumerRecord<String, byte[]>> records() {
    return List.copyOf(records);
  }

  private String summary() {
    StringBuilder sb = new StringBuilder();
    for (var r : records.subList(Math.max(0, records.size() - 10), records.size())) {
      String v = new String(r.value(), java.nio.charset.StandardCharsets.UTF_8);
      sb.append("\n  ").append(r.topic()).append(' ').append(r.key()).append(' ')
          .append(v, 0, Math.min(200, v.length()));
    }
    return sb.toString();
  }

  public static Map<String, String> headers(ConsumerRecord<String, byte[]> r) {
    Map<String, String> out = new java.util.HashMap<>();
    r.headers().forEach(h -> out.put(h.key(),
        new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
    return out;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
