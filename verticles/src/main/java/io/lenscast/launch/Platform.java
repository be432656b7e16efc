package io.lenscast.launch;

import io.lenscast.config.LenscastConfig;
import io.lenscast.kafka.EmbeddedKafka;
import io.lenscast.kafka.KafkaClients;
import io.lenscast.kafka.TopicAdmin;
import io.lenscast.kafka.Topics;
import io.lenscast.metrics.LenscastMetrics;
import io.lenscast.worker.JobProcessorFactory;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One running lenscast process: the metrics registry, the embedded broker when asked for and no
 * external cluster is configured, the topics, one Vert.x instance and the deployed roles.
 * Closing it undeploys the roles (the worker finishes its job first), then stops the broker.
 */
public final class Platform implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final LenscastMetrics metrics;
  private final EmbeddedKafka kafka;
  private final Vertx vertx;
  private final String bootstrapServers;

  private Platform(LenscastMetrics metrics, EmbeddedKafka kafka, Vertx vertx, String bootstrap) {
    this.metrics = metrics;
    this.kafka = kafka;
    this.vertx = vertx;
    this.bootstrapServers = bootstrap;
  }

  /**
   * @param embedded start the embedded broker when {@code kafka.bootstrapServers} is unset
   *     ({@code up}); single-role commands pass false and use the configured cluster
   */
  public static Platform start(LenscastConfig config, Set<Role> roles, boolean embedded,
      JobProcessorFactory processors) throws Exception {
    LenscastMetrics metrics = new LenscastMetrics();
    EmbeddedKafka kafka = null;
    Vertx vertx = null;
    try {
      if (embedded && config.kafka().useEmbedded()) {
        kafka = new EmbeddedKafka(config.kafka().embedded(),
            config.resolve(config.kafka().embedded().dataDir())).start();
      }
      KafkaClients clients = new KafkaClients(config.kafka());
      TopicAdmin.ensureTopics(clients, new Topics(config.kafka().topics()).all(),
          config.kafka().embedded().partitions(), TIMEOUT);
      vertx = Vertx.vertx();
      PlatformContext ctx = new PlatformContext(config, metrics, clients.bootstrapServers(),
          processors);
      for (Role role : Role.values()) {
        if (roles.contains(role)) {
          role.deploy(vertx, ctx).await(TIMEOUT.toSeconds() * 5, TimeUnit.SECONDS);
        }
      }
      return new Platform(metrics, kafka, vertx, clients.bootstrapServers());
    } catch (Exception | Error e) {
      if (vertx != null) {
        vertx.close().await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
      if (kafka != null) {
        kafka.close();
      }
      metrics.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public LenscastMetrics metrics() {
    return metrics;
  }

  public Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() throws Exception {
    try {
      vertx.close().await(TIMEOUT.toSeconds() * 5, TimeUnit.SECONDS);
    } finally {
      if (kafka != null) {
        kafka.close();
      }
      metrics.close();
    }
  }
}
