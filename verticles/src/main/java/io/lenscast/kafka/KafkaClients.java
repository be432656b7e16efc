package io.lenscast.kafka;

import io.lenscast.config.KafkaSettings;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Makes Kafka clients from configuration: bootstrap address, the pass-through
 * {@code kafka.properties} (SASL/TLS and any tuning) and lenscast's own defaults. Keys are
 * strings (jobIds), values raw bytes (UTF-8 JSON, passed through unchanged to the DLQ).
 */
public final class KafkaClients {
  private final KafkaSettings settings;

  public KafkaClients(KafkaSettings settings) {
    this.settings = settings;
  }

  public String bootstrapServers() {
    return settings.effectiveBootstrapServers();
  }

  /** Common properties: bootstrap + pass-through (the latter wins, so users can tune). */
  public Properties common() {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.putAll(settings.properties());
    return p;
  }

  /** A producer that acknowledges only after the write is durable and never duplicates. */
  public KafkaProducer<String, byte[]> producer(String clientId) {
    Properties p = new Properties();
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 * 1024 * 1024));
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.putAll(common());
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** A consumer in {@code groupId} with manual commits, starting from the earliest offset;
   * {@code overrides} (the caller's needs, e.g. one record per poll) win over everything.
   */
  public KafkaConsumer<String, byte[]> consumer(String groupId, String clientId,
      Map<String, Object> overrides) {
    Properties p = new Properties();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.putAll(common());
    p.putAll(overrides);
    return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
