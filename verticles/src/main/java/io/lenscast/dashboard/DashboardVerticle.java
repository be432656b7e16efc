package io.lenscast.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The dashboard process role: consumes the job, event and aggregate topics into a bounded job
 * store (its own consumer group, so several dashboards can run), serves the UI and the HTTP API,
 * and pushes events to browsers over {@code /ws}. Wiring only; the work is in the parts.
 */
public final class DashboardVerticle extends VerticleBase {
  private static final long MAX_IMAGE_PIXELS = 40_000_000L;

  private final DashboardSettings settings;
  private final PrometheusMeterRegistry registry;
  private KafkaConsumer<String, String> consumer;
  private JobPublisher publisher;
  private KafkaHealth health;
  private HttpServer server;
  private WebSocketHub hub;
  private Gauge clientsGauge;

  public DashboardVerticle(DashboardSettings settings, PrometheusMeterRegistry registry) {
    this.settings = settings;
    this.registry = registry;
  }

  /** The port actually bound (useful when configured as 0). */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }

  @Override
  public Future<?> start() {
    JobStore store = new JobStore(settings.maxJobs(), System::currentTimeMillis);
    Counter dropped = Counter.builder("lenscast.ws.dropped")
        .description("WebSocket clients dropped for falling behind").register(registry);
    hub = new WebSocketHub(store, settings.wsClientBufferEvents(), dropped);
    clientsGauge = Gauge.builder("lenscast.ws.clients", hub, WebSocketHub::clientCount)
        .description("connected dashboard WebSocket clients").register(registry);
    EventIntake intake = new EventIntake(vertx, store, hub, new ImageCropper(MAX_IMAGE_PIXELS),
        settings.topics().aggregates());

    publisher = new JobPublisher(KafkaProducer.create(vertx, producerConfig()),
        settings.topics().jobs());
    health = new KafkaHealth(KafkaAdminClient.create(vertx, adminConfig()));
    consumer = KafkaConsumer.create(vertx, consumerConfig());
    consumer.handler(r -> intake.accept(r.topic(), r.key(), r.value()));
    consumer.exceptionHandler(e -> { });

    DashboardSettings.Topics t = settings.topics();
    HttpServerOptions options = new HttpServerOptions()
        .setHost(settings.host())
        .setPort(settings.port())
        .setMaxWebSocketFrameSize(64 * 1024)
        .setMaxWebSocketMessageSize(256 * 1024);
    server = vertx.createHttpServer(options).requestHandler(
        new DashboardRoutes(vertx, settings, store, hub, publisher, health, registry).router());
    return consumer.subscribe(Set.of(t.jobs(), t.layers(), t.ablations(), t.knockouts(),
            t.results(), t.status(), t.aggregates()))
        .compose(v -> server.listen());
  }

  @Override
  public Future<?> stop() {
    if (clientsGauge != null) {
      registry.remove(clientsGauge);
    }
    if (hub != null) {
      hub.closeAll();
    }
    return Future.join(
        server == null ? Future.succeededFuture() : server.close(),
        consumer == null ? Future.succeededFuture() : consumer.close(),
        publisher == null ? Future.succeededFuture() : publisher.close(),
        health == null ? Future.succeededFuture() : health.close());
  }

  private Map<String, String> common() {
    Map<String, String> config = new HashMap<>(settings.kafkaProperties());
    config.put("bootstrap.servers", settings.bootstrapServers());
    return config;
  }

  private Map<String, String> consumerConfig() {
    Map<String, String> config = common();
    config.put("group.id", "lenscast-dashboard-" + UUID.randomUUID());
    config.put("auto.offset.reset", "earliest");
    config.put("enable.auto.commit", "false");
    config.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    config.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    config.put("metadata.max.age.ms", "5000");
    return config;
  }

  private Map<String, String> producerConfig() {
    Map<String, String> config = common();
    config.put("acks", "all");
    config.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    config.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    long base64Bytes = settings.maxUploadBytes() * 4 / 3 + 1024 * 1024;
    config.put("max.request.size", String.valueOf(base64Bytes));
    config.put("delivery.timeout.ms", "15000");
    config.put("request.timeout.ms", "10000");
    config.put("max.block.ms", "10000");
    return config;
  }

  private Map<String, String> adminConfig() {
    Map<String, String> config = common();
    config.put("request.timeout.ms", "2000");
    config.put("default.api.timeout.ms", "3000");
    return config;
  }
}
