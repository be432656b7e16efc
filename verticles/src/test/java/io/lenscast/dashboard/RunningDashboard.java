package io.lenscast.dashboard;

import io.lenscast.config.LenscastConfig;
import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.lenscast.kafka.KafkaClients;
import io.lenscast.kafka.TestBroker;
import io.lenscast.kafka.Topics;
import io.lenscast.metrics.LenscastMetrics;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A dashboard verticle deployed on a random port against a test broker with its own fresh
 * topics, plus a producer that publishes events to those topics as a worker would.
 */
final class RunningDashboard implements AutoCloseable {
  final LenscastConfig config;
  final LenscastMetrics metrics = new LenscastMetrics();
  final Topics topics;
  private final Vertx vertx = Vertx.vertx();
  private final KafkaProducer<String, byte[]> producer;
  private final DashboardVerticle verticle;

  /** {@code dashboardMembers}: extra members of the dashboard section, e.g. {@code "authToken": "..."}. */
  RunningDashboard(TestBroker broker, String dashboardMembers) throws Exception {
    this(broker, dashboardMembers, true);
  }

  /** A dashboard whose Kafka is unreachable (nothing listens on its bootstrap address). */
  static RunningDashboard withKafkaDown(TestBroker broker) throws Exception {
    return new RunningDashboard(broker, "", false);
  }

  private RunningDashboard(TestBroker broker, String dashboardMembers, boolean kafkaUp)
      throws Exception {
    String dashboard = "\"dashboard\": {\"port\": 0, \"webRoot\": \"../web-ui\""
        + (dashboardMembers.isBlank() ? "" : ", " + dashboardMembers) + "}";
    config = broker.config(kafkaUp ? dashboard
        : dashboard + ", \"kafka\": {\"bootstrapServers\": \"127.0.0.1:"
            + io.lenscast.kafka.FreePorts.pick(1)[0] + "\"}");
    if (kafkaUp) {
      broker.createTopics(config);
    }
    topics = new Topics(config.kafka().topics());
    producer = new KafkaClients(config.kafka()).producer("test-publisher");
    verticle = new DashboardVerticle(config, metrics, config.kafka().effectiveBootstrapServers());
    vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  String url(String path) {
    return "http://127.0.0.1:" + verticle.actualPort() + path;
  }

  String wsUrl(String path) {
    return "ws://127.0.0.1:" + verticle.actualPort() + path;
  }

  /** Publishes an event to its topic, keyed by jobId, and waits for the broker's ack. */
  void publish(Event event) {
    try {
      producer.send(new ProducerRecord<>(topics.forEvent(event), event.jobId(),
          EventCodec.toBytes(event))).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("could not publish " + event.schema(), e);
    }
  }

  /** Publishes without waiting for the broker's ack (a burst, as a fast worker sends it). */
  void publishAsync(Event event) {
    producer.send(new ProducerRecord<>(topics.forEvent(event), event.jobId(),
        EventCodec.toBytes(event)));
  }

  void publishRaw(String topic, String key, String value) {
    try {
      producer.send(new ProducerRecord<>(topic, key,
          value.getBytes(java.nio.charset.StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("could not publish to " + topic, e);
    }
  }

  @Override
  public void close() throws Exception {
    producer.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    metrics.close();
  }
}
