package io.lenscast.kafka;

import io.lenscast.config.ConfigLoader;
import io.lenscast.config.LenscastConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded broker for a test class on free loopback ports, plus per-test configurations
 * with random topic names and group ids so tests sharing the broker never see each other.
 * A test class that only needs the broker running around its tests registers it as an
 * extension: {@code @RegisterExtension static final TestBroker broker = TestBroker.perClass();}.
 */
public final class TestBroker implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  private final Path dataDir;
  private final boolean ownsDataDir;
  private final int port;
  private final int controllerPort;
  private final EmbeddedKafka kafka;

  public TestBroker(Path dataDir) {
    this(dataDir, false);
  }

  /**
   * A broker in a fresh temporary folder, started before the class's first test and closed
   * after its last one (folder deleted), when registered with {@code @RegisterExtension}.
   */
  public static TestBroker perClass() {
    try {
      return new TestBroker(Files.createTempDirectory("lenscast-kafka-"), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TestBroker(Path dataDir, boolean ownsDataDir) {
    this.ownsDataDir = ownsDataDir;
    int[] ports = FreePorts.pick(2);
    this.dataDir = dataDir;
    this.port = ports[0];
    this.controllerPort = ports[1];
    LenscastConfig c = config("");
    this.kafka = new EmbeddedKafka(c.kafka().embedded(), dataDir);
  }

  public TestBroker start() {
    kafka.start();
    return this;
  }

  public EmbeddedKafka kafka() {
    return kafka;
  }

  public String bootstrap() {
    return kafka.bootstrapServers();
  }

  /**
   * A configuration pointing at this broker with a fresh suffix on every topic and group, the
   * fixture model as {@code demo}, and {@code extraJson} (inner members of the root object,
   * e.g. {@code "\"worker\": {\"topK\": 3}"}) merged on top.
   */
  public LenscastConfig config(String extraJson) {
    String s = UUID.randomUUID().toString().substring(0, 8);
    String overlay = """
        {"kafka": {"bootstrapServers": null,
          "embedded": {"host": "127.0.0.1", "port": %d, "controllerPort": %d,
            "dataDir": "%s", "partitions": 4},
          "properties": {"session.timeout.ms": "6000", "heartbeat.interval.ms": "500"},
          "topics": {"jobs": "t.jobs.%s", "layers": "t.layers.%s", "ablations": "t.ablations.%s",
            "knockouts": "t.knockouts.%s", "results": "t.results.%s", "status": "t.status.%s",
            "aggregates": "t.aggregates.%s", "dlq": "t.jobs.%s.dlq"}},
         "worker": {"groupId": "g.worker.%s", "httpPort": 0,
           "models": {"demo": "../shared/fixtures/tiny-llava-a"}},
         "aggregator": {"groupId": "g.aggregator.%s"}}
        """.formatted(port, controllerPort, dataDir.toString().replace("\\", "/"),
        s, s, s, s, s, s, s, s, s, s);
    LenscastConfig base = ConfigLoader.fromOverlay(overlay, Path.of("").toAbsolutePath());
    if (extraJson.isBlank()) {
      return base;
    }
    return ConfigLoader.fromOverlay(merge(overlay, extraJson), Path.of("").toAbsolutePath());
  }

  private static String merge(String overlay, String extraJson) {
    try {
      var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
      var base = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(overlay);
      var extra = mapper.readTree("{" + extraJson + "}");
      deepMerge(base, extra);
      return mapper.writeValueAsString(base);
    } catch (Exception e) {
      throw new IllegalArgumentException("bad test overlay: " + e.getMessage(), e);
    }
  }

  private static void deepMerge(com.fasterxml.jackson.databind.node.ObjectNode base,
      com.fasterxml.jackson.databind.JsonNode extra) {
    extra.properties().forEach(e -> {
      if (base.get(e.getKey()) instanceof com.fasterxml.jackson.databind.node.ObjectNode o
          && e.getValue().isObject()) {
        deepMerge(o, e.getValue());
      } else {
        base.set(e.getKey(), e.getValue());
      }
    });
  }

  /** A fresh configuration ({@link #config} without extras) whose topics exist already. */
  public LenscastConfig configWithTopics() {
    LenscastConfig c = config("");
    createTopics(c);
    return c;
  }

  /** Creates the config's topics on this broker. */
  public void createTopics(LenscastConfig c) {
    TopicAdmin.ensureTopics(new KafkaClients(c.kafka()), new Topics(c.kafka().topics()).all(),
        c.kafka().embedded().partitions(), Duration.ofSeconds(30));
  }

  public List<String> topicsOf(LenscastConfig c) {
    return new Topics(c.kafka().topics()).all();
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    close();
    if (ownsDataDir) {
      Utils.delete(dataDir.toFile());
    }
  }

  @Override
  public void close() {
    kafka.close();
  }
}
