package io.lenscast.dashboard;

import io.lenscast.config.DashboardSettings;
import io.lenscast.config.LenscastConfig;
import io.lenscast.kafka.Topic;
import io.lenscast.kafka.Topics;
import io.lenscast.metrics.LenscastMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The dashboard process role: consumes the job, event and aggregate topics into a bounded job
 * store (its own consumer group per instance, so several dashboards can run), serves the UI and
 * the HTTP API, and pushes events to browsers over {@code /ws}. Wiring only; the work is in the
 * parts.
 */
public final class DashboardVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(DashboardVerticle.class.getName());
  /** How often changed job rows go out to the browsers (their progress bars). */
  private static final long ROW_TICK_MS = 50;
  private final LenscastConfig config;
  private final LenscastMetrics metrics;
  private final String bootstrapServers;
  private Gauge clientsGauge;
  private Gauge storedGauge;
  private KafkaConsumer<String, String> consumer;
  private JobPublisher publisher;
  private KafkaHealth health;
  private HttpServer server;
  private WebSocketHub hub;
  private long lagTimer = -1;

  /**
   * @param bootstrapServers the Kafka address in use (the embedded broker's when none is
   *     configured)
   */
  public DashboardVerticle(LenscastConfig config, LenscastMetrics metrics,
      String bootstrapServers) {
    this.config = config;
    this.metrics = metrics;
    this.bootstrapServers = bootstrapServers;
  }

  /** The port actually bound (useful when configured as 0). */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }

  @Override
  public Future<?> start() {
    DashboardSettings settings = config.dashboard();
    Topics topics = new Topics(config.kafka().topics());
    JobStore store = new JobStore(settings.maxJobs(), settings.maxStoredMb() * 1024L * 1024L,
        System::currentTimeMillis);
    storedGauge = Gauge.builder("lenscast.dashboard.stored", store, JobStore::storedBytes)
        .description("memory taken by the jobs the dashboard keeps (events and crops)")
        .baseUnit("bytes").register(metrics.registry());
    Counter dropped = Counter.builder("lenscast.ws.dropped")
        .description("events not delivered to dashboard clients that fell behind")
        .register(metrics.registry());
    hub = new WebSocketHub(store, settings.wsClientBufferEvents(), settings.wsClientMaxLagMs(),
        System::currentTimeMillis, task -> vertx.setTimer(ROW_TICK_MS, id -> task.run()), dropped);
    lagTimer = vertx.setPeriodic(Math.max(100, settings.wsClientMaxLagMs() / 4),
        id -> hub.checkLag());
    clientsGauge = Gauge.builder("lenscast.ws.clients", hub, WebSocketHub::clientCount)
        .description("open dashboard WebSocket connections").register(metrics.registry());
    EventIntake intake = new EventIntake(vertx, store, hub,
        new ImageCropper(config.worker().maxImagePixels()), topics.name(Topic.LAYERS),
        topics.name(Topic.AGGREGATES));

    publisher = new JobPublisher(KafkaProducer.create(vertx, producerConfig(settings)),
        topics.jobs());
    health = new KafkaHealth(KafkaAdminClient.create(vertx, adminConfig()));
    consumer = KafkaConsumer.create(vertx, consumerConfig(settings));
    consumer.handler(r -> intake.accept(r.topic(), r.key(), r.value()));
    consumer.exceptionHandler(e -> LOG.warning("dashboard consumer: " + e.getMessage()));

    HttpServerOptions options = new HttpServerOptions()
        .setHost(settings.host())
        .setPort(settings.port())
        // HTTP/1.1 only: an h2c upgrade (java.net.http, curl --http2) got oversized HTTP/2
        // frames for the multi-megabyte /api/jobs/{id} replies
        .setHttp2ClearTextEnabled(false)
        .setMaxWebSocketFrameSize(64 * 1024)
        .setMaxWebSocketMessageSize(256 * 1024);
    DashboardRoutes routes = new DashboardRoutes(vertx, settings,
        config.resolve(settings.webRoot()), store, hub, publisher, health, metrics);
    server = vertx.createHttpServer(options).requestHandler(routes.router());
    List<String> subscribed = new ArrayList<>(topics.jobOutputs());
    subscribed.add(topics.jobs());
    subscribed.add(topics.name(Topic.AGGREGATES));
    return consumer.subscribe(Set.copyOf(subscribed)).compose(v -> server.listen());
  }

  @Override
  public Future<?> stop() {
    if (clientsGauge != null) {
      metrics.registry().remove(clientsGauge);
    }
    if (storedGauge != null) {
      metrics.registry().remove(storedGauge);
    }
    if (lagTimer >= 0) {
      vertx.cancelTimer(lagTimer);
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
    Map<String, String> c = new HashMap<>(config.kafka().properties());
    c.put("bootstrap.servers", bootstrapServers);
    return c;
  }

  private Map<String, String> consumerConfig(DashboardSettings settings) {
    Map<String, String> c = common();
    c.put("group.id", "lenscast-dashboard-" + UUID.randomUUID());
    c.put("auto.offset.reset", "earliest");
    c.put("enable.auto.commit", "false");
    c.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    c.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    c.put("metadata.max.age.ms", "5000");
    c.put("fetch.max.wait.ms", "50");
    return c;
  }

  private Map<String, String> producerConfig(DashboardSettings settings) {
    Map<String, String> c = common();
    c.put("acks", "all");
    c.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    c.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    long base64Bytes = settings.maxUploadBytes() * 4 / 3 + 1024 * 1024;
    c.put("max.request.size", String.valueOf(base64Bytes));
    c.put("delivery.timeout.ms", "15000");
    c.put("request.timeout.ms", "10000");
    c.put("max.block.ms", "10000");
    return c;
  }

  private Map<String, String> adminConfig() {
    Map<String, String> c = common();
    c.put("request.timeout.ms", "2000");
    c.put("default.api.timeout.ms", "3000");
    return c;
  }
}
