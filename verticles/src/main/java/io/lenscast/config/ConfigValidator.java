package io.lenscast.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a bound configuration and reports every problem at once, one key per line. */
final class ConfigValidator {
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  private ConfigValidator() {}

  static void validate(LenscastConfig c) {
    List<String> problems = new ArrayList<>();
    require(problems, c.kafka() != null, "kafka section is missing");
    require(problems, c.worker() != null, "worker section is missing");
    require(problems, c.dashboard() != null, "dashboard section is missing");
    require(problems, c.aggregator() != null, "aggregator section is missing");
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("; ", problems));
    }
    checkKafka(problems, c.kafka());
    checkWorker(problems, c.worker());
    checkDashboard(problems, c.dashboard());
    require(problems, nonBlank(c.aggregator().groupId()), "aggregator.groupId must be set");
    require(problems, c.aggregator().publishIntervalMs() > 0,
        "aggregator.publishIntervalMs must be > 0");
    if (!problems.isEmpty()) {
      throw new ConfigException("invalid configuration: " + String.join("; ", problems));
    }
  }

  private static void checkKafka(List<String> p, KafkaSettings k) {
    require(p, k.embedded() != null, "kafka.embedded section is missing");
    require(p, k.properties() != null, "kafka.properties must be an object");
    require(p, k.topics() != null, "kafka.topics section is missing");
    if (k.embedded() != null) {
      KafkaSettings.Embedded e = k.embedded();
      require(p, nonBlank(e.host()), "kafka.embedded.host must be set");
      port(p, "kafka.embedded.port", e.port());
      port(p, "kafka.embedded.controllerPort", e.controllerPort());
      require(p, e.port() != e.controllerPort(),
          "kafka.embedded.port and controllerPort must differ");
      require(p, nonBlank(e.dataDir()), "kafka.embedded.dataDir must be set");
      require(p, e.partitions() >= 1, "kafka.embedded.partitions must be >= 1");
    }
    if (!k.useEmbedded()) {
      require(p, k.bootstrapServers().matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*"),
          "kafka.bootstrapServers must be HOST:PORT[,HOST:PORT...], got '"
              + k.bootstrapServers() + "'");
    }
    if (k.topics() != null) {
      var t = k.topics();
      String[][] named = {{"jobs", t.jobs()}, {"layers", t.layers()},
          {"ablations", t.ablations()}, {"knockouts", t.knockouts()}, {"results", t.results()},
          {"status", t.status()}, {"aggregates", t.aggregates()}, {"dlq", t.dlq()}};
      for (String[] n : named) {
        require(p, n[1] != null && TOPIC.matcher(n[1]).matches(),
            "kafka.topics." + n[0] + " must be a valid topic name, got '" + n[1] + "'");
      }
    }
  }

  private static void checkWorker(List<String> p, WorkerSettings w) {
    require(p, w.instances() >= 1, "worker.instances must be >= 1");
    require(p, nonBlank(w.groupId()), "worker.groupId must be set");
    require(p, nonBlank(w.httpHost()), "worker.httpHost must be set");
    port(p, "worker.httpPort", w.httpPort());
    require(p, w.models() != null && !w.models().isEmpty(), "worker.models must name a model");
    if (w.models() != null) {
      require(p, w.defaultModel() == null || w.models().containsKey(w.defaultModel()),
          "worker.defaultModel '" + w.defaultModel() + "' is not in worker.models "
              + w.models().keySet());
    }
    require(p, nonBlank(w.allowedImageDir()), "worker.allowedImageDir must be set");
    require(p, w.maxImagePixels() > 0, "worker.maxImagePixels must be > 0");
    require(p, w.maxImageBytes() > 0, "worker.maxImageBytes must be > 0");
    require(p, w.maxPromptTokens() > 0, "worker.maxPromptTokens must be > 0");
    require(p, w.topK() >= 1, "worker.topK must be >= 1");
  }

  private static void checkDashboard(List<String> p, DashboardSettings d) {
    require(p, nonBlank(d.host()), "dashboard.host must be set");
    port(p, "dashboard.port", d.port());
    require(p, nonBlank(d.webRoot()), "dashboard.webRoot must be set");
    require(p, d.authToken() == null || d.authToken().length() >= 16,
        "dashboard.authToken must be at least 16 characters when set");
    require(p, d.maxUploadBytes() > 0, "dashboard.maxUploadBytes must be > 0");
    require(p, d.wsClientBufferEvents() >= 1, "dashboard.wsClientBufferEvents must be >= 1");
    require(p, d.wsClientMaxLagMs() >= 100, "dashboard.wsClientMaxLagMs must be >= 100");
    require(p, d.maxJobs() >= 1, "dashboard.maxJobs must be >= 1");
    require(p, d.maxStoredMb() >= 16, "dashboard.maxStoredMb must be >= 16");
  }

  private static void port(List<String> p, String key, int port) {
    require(p, port >= 0 && port <= 65535, key + " must be a port 0..65535, got " + port);
  }

  private static boolean nonBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static void require(List<String> problems, boolean ok, String message) {
    if (!ok) {
      problems.add(message);
    }
  }
}
