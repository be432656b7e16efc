package io.lenscast.kafka;

import io.lenscast.config.KafkaSettings;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * An in-process single-node Kafka (KRaft, broker and controller in one) on loopback, for
 * {@code ./lenscast up} and tests. The log folder is formatted on first start and reused after,
 * so topics, jobs and results survive a restart.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final String CONTROLLER = "CONTROLLER";
  private static final int NODE_ID = 1;

  private final KafkaSettings.Embedded settings;
  private final Path dataDir;
  private KafkaRaftServer server;

  /** @param dataDir the (resolved) log folder; created if absent */
  public EmbeddedKafka(KafkaSettings.Embedded settings, Path dataDir) {
    this.settings = settings;
    this.dataDir = dataDir.toAbsolutePath().normalize();
  }

  public String bootstrapServers() {
    return settings.host() + ":" + settings.port();
  }

  /** Formats storage if new, then starts the broker; returns once it serves requests. */
  public synchronized EmbeddedKafka start() {
    if (server != null) {
      return this;
    }
    try {
      Files.createDirectories(dataDir);
      if (!Files.exists(dataDir.resolve("meta.properties"))) {
        format();
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot prepare Kafka storage in " + dataDir + ": " + e, e);
    }
    KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(brokerProperties(), false),
        Time.SYSTEM);
    s.startup();
    server = s;
    return this;
  }

  private void format() throws Exception {
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(NODE_ID)
        .setClusterId(Uuid.randomUuid().toString())
        .setDirectories(List.of(dataDir.toString()))
        .setMetadataLogDirectory(dataDir.toString())
        .setControllerListenerName(CONTROLLER)
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setIgnoreFormatted(true)
        .run();
  }

  private Properties brokerProperties() {
    String host = settings.host();
    Properties p = new Properties();
    p.putAll(Map.ofEntries(
        Map.entry("process.roles", "broker,controller"),
        Map.entry("node.id", String.valueOf(NODE_ID)),
        Map.entry("controller.quorum.voters", NODE_ID + "@" + host + ":"
            + settings.controllerPort()),
        Map.entry("listeners", "PLAINTEXT://" + host + ":" + settings.port() + "," + CONTROLLER
            + "://" + host + ":" + settings.controllerPort()),
        Map.entry("advertised.listeners", "PLAINTEXT://" + host + ":" + settings.port()),
        Map.entry("controller.listener.names", CONTROLLER),
        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
        Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
        Map.entry("log.dirs", dataDir.toString()),
        Map.entry("num.partitions", String.valueOf(settings.partitions())),
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("offsets.topic.num.partitions", "4"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        Map.entry("group.min.session.timeout.ms", "2000"),
        Map.entry("auto.create.topics.enable", "false"),
        Map.entry("message.max.bytes", String.valueOf(16 * 1024 * 1024))));
    return p;
  }

  /** Stops the broker and waits for it; the data folder stays. */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  public Path dataDir() {
    return dataDir;
  }
}
