package io.lenscast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path tmp;

  @Test
  void defaultsMatchTheContracts() {
    LenscastConfig c = ConfigLoader.load(null, Map.of(), tmp);
    assertTrue(c.kafka().useEmbedded());
    assertEquals("127.0.0.1:9092", c.kafka().effectiveBootstrapServers());
    assertEquals("lenscast.jobs.v1", c.kafka().topics().jobs());
    assertEquals("lenscast.jobs.v1.dlq", c.kafka().topics().dlq());
    assertEquals(8080, c.dashboard().port());
    assertEquals("127.0.0.1", c.dashboard().host());
    assertEquals(tmp.resolve("data/kafka"), c.resolve(c.kafka().embedded().dataDir()));
  }

  @Test
  void fileOverridesDefaultsAndEnvironmentOverridesTheFile() throws Exception {
    Path file = tmp.resolve("my.json");
    Files.writeString(file, """
        {"dashboard": {"port": 9000}, "kafka": {"embedded": {"port": 19092}}}
        """);
    LenscastConfig c = ConfigLoader.load(file, Map.of(
        "LENSCAST_DASHBOARD_PORT", "9100",
        "LENSCAST_KAFKA_BOOTSTRAPSERVERS", "broker-a:9092,broker-b:9092",
        "LENSCAST_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL",
        "LENSCAST_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "secret-jaas",
        "LENSCAST_WORKER_MODELS_LLAVA", "/models/llava",
        "PATH", "/usr/bin"), tmp);
    assertEquals(9100, c.dashboard().port());
    assertEquals(19092, c.kafka().embedded().port());
    assertEquals(9093, c.kafka().embedded().controllerPort(), "untouched keys keep defaults");
    assertFalse(c.kafka().useEmbedded());
    assertEquals("broker-a:9092,broker-b:9092", c.kafka().effectiveBootstrapServers());
    assertEquals("SASL_SSL", c.kafka().properties().get("security.protocol"));
    assertEquals("/models/llava", c.worker().models().get("llava"));
    assertEquals("shared/fixtures/tiny-llava-a", c.worker().models().get("demo"));
  }

  @Test
  void secretsNeverAppearInToString() {
    LenscastConfig c = ConfigLoader.load(null, Map.of(
        "LENSCAST_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "hunter2-jaas",
        "LENSCAST_KAFKA_PROPERTIES_SSL_KEYSTORE_PASSWORD", "hunter2-pw",
        "LENSCAST_DASHBOARD_AUTHTOKEN", "hunter2-token-0123456789"), tmp);
    String text = c.toString();
    assertFalse(text.contains("hunter2"), text);
    assertEquals("hunter2-token-0123456789", c.dashboard().authToken());
  }

  @Test
  void unknownKeyIsRejectedWithItsPath() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.fromOverlay("{\"worker\": {\"groupID\": \"x\"}}", tmp));
    assertTrue(e.getMessage().contains("groupID") && e.getMessage().contains("worker"),
        e.getMessage());
  }

  @Test
  void badValuesAreAllReportedInOneMessage() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromOverlay("""
        {"dashboard": {"port": 70000}, "worker": {"defaultModel": "nope"},
         "kafka": {"topics": {"jobs": "bad topic!"}}}
        """, tmp));
    String m = e.getMessage();
    assertTrue(m.contains("dashboard.port"), m);
    assertTrue(m.contains("worker.defaultModel 'nope'"), m);
    assertTrue(m.contains("kafka.topics.jobs"), m);
  }

  @Test
  void envVariableNamingNoKeyIsAnError() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(null, Map.of("LENSCAST_DASHBOARD_PROT", "1"), tmp));
    assertTrue(e.getMessage().contains("LENSCAST_DASHBOARD_PROT"), e.getMessage());
  }

  @Test
  void nonNumericEnvForNumberIsAnError() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(null, Map.of("LENSCAST_DASHBOARD_PORT", "eighty"), tmp));
    assertTrue(e.getMessage().contains("must be a number"), e.getMessage());
  }

  @Test
  void nullEnvClearsAValue() {
    LenscastConfig c = ConfigLoader.load(null,
        Map.of("LENSCAST_KAFKA_BOOTSTRAPSERVERS", "null"), tmp);
    assertNull(c.kafka().bootstrapServers());
  }

  @Test
  void missingConfigFileIsAClearError() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(tmp.resolve("nope.json"), Map.of(), tmp));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }
}
