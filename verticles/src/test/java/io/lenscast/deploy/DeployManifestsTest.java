package io.lenscast.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Static checks of deploy/ (no Docker engine, no cluster needed): every manifest parses, and the
 * names the manifests repeat (ports, topics, consumer group, LENSCAST_* variables, config keys,
 * metric names, the Maven build command) agree with config/default.json, the code and the README.
 */
class DeployManifestsTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final DeployTree DEPLOY = new DeployTree(REPO.resolve("deploy"));
  private static final DefaultConfig CONFIG =
      new DefaultConfig(REPO.resolve("config").resolve("default.json"));
  private static final Pattern CREATE_TOPIC =
      Pattern.compile("(?m)^create\\s+(\\S+)\\s+(\\d+)\\s");
  private static final Pattern URL_PORT = Pattern.compile("https?://[^/:\\s]+:(\\d+)/health");

  @Test
  void everyYamlAndJsonFileUnderDeployParses() {
    List<DeployTree.Document> yaml = DEPLOY.yamlDocuments();
    List<Path> json = DEPLOY.filesEndingWith(".json");
    assertTrue(yaml.size() >= 20, "expected the compose, k8s, Prometheus, Grafana documents");
    assertFalse(json.isEmpty());
    json.forEach(file -> assertTrue(DeployTree.parseJson(file).isObject(), file.toString()));
    for (JsonNode map : DEPLOY.k8s("ConfigMap")) {
      map.path("data").fields().forEachRemaining(e -> {
        if (e.getKey().endsWith(".json")) {
          assertTrue(DeployTree.parseJson(e.getValue().asText()).isObject(), e.getKey());
        }
      });
    }
    for (DeployTree.Document d : yaml) {
      if (d.file().startsWith(DEPLOY.resolve("k8s")) && !d.file().endsWith("kustomization.yaml")) {
        assertTrue(d.root().hasNonNull("apiVersion") && d.root().hasNonNull("kind")
            && d.root().path("metadata").hasNonNull("name"), "not a Kubernetes object: " + d.file());
      }
    }
  }

  @Test
  void kustomizationListsExactlyTheManifestsInK8sFolder() throws IOException {
    JsonNode kustomization = DEPLOY.yamlDocuments("k8s/kustomization.yaml").get(0).root();
    Set<String> listed = new TreeSet<>();
    kustomization.path("resources").forEach(r -> listed.add(r.asText()));
    Set<String> present;
    try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
      present = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(present, listed);
  }

  @Test
  void composeAndStrimziCreateExactlyTheConfiguredTopics() {
    Set<String> configured = new TreeSet<>(CONFIG.topics().values());
    assertEquals(configured, composeTopicPartitions().keySet(), "deploy/kafka/create-topics.sh");
    Set<String> strimzi = DEPLOY.k8s("KafkaTopic").stream()
        .map(t -> t.path("spec").path("topicName").asText(t.path("metadata").path("name").asText()))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(configured, strimzi, "deploy/k8s/topics.yaml");
  }

  @Test
  void resultsAreCompactedAndJobsTopicHasPartitionsForEveryScaledWorker() {
    String results = CONFIG.topics().get("results");
    String jobs = CONFIG.topics().get("jobs");
    assertTrue(DEPLOY.text("kafka/create-topics.sh")
        .matches("(?s).*\\ncreate\\s+" + Pattern.quote(results) + "\\s+\\d+\\s+\"cleanup\\.policy=compact[,\"].*"));
    assertEquals("compact",
        DEPLOY.k8s("KafkaTopic", results).path("spec").path("config").path("cleanup.policy").asText());
    JsonNode scaled = DEPLOY.k8s("ScaledObject", "lenscast-worker");
    assertEquals(DEPLOY.k8s("KafkaTopic", jobs).path("spec").path("partitions").asInt(),
        scaled.path("spec").path("maxReplicaCount").asInt(), "KEDA max = partitions of " + jobs);
    assertTrue(composeTopicPartitions().get(jobs) >= 4, "compose jobs topic allows --scale worker=4");
  }

  @Test
  void kedaScalesTheWorkerDeploymentOnLagOfTheJobsTopicInTheWorkerGroup() {
    JsonNode scaled = DEPLOY.k8s("ScaledObject", "lenscast-worker");
    JsonNode target = scaled.path("spec").path("scaleTargetRef");
    assertEquals("Deployment", target.path("kind").asText());
    DEPLOY.k8s("Deployment", target.path("name").asText());
    JsonNode trigger = scaled.path("spec").path("triggers").get(0);
    assertEquals("kafka", trigger.path("type").asText());
    JsonNode meta = trigger.path("metadata");
    assertEquals(CONFIG.topics().get("jobs"), meta.path("topic").asText());
    assertEquals(effectiveK8sValue("LENSCAST_WORKER_GROUPID", CONFIG.text("worker", "groupId")),
        meta.path("consumerGroup").asText());
    assertEquals(effectiveK8sValue("LENSCAST_KAFKA_BOOTSTRAPSERVERS", ""),
        meta.path("bootstrapServers").asText());
    String bootstrap = meta.path("bootstrapServers").asText();
    String cluster = DEPLOY.k8s("Kafka").get(0).path("metadata").path("name").asText();
    assertTrue(bootstrap.startsWith(cluster + "-kafka-bootstrap."), bootstrap);
  }

  @Test
  void everyLenscastEnvironmentVariableOverridesAnExistingConfigKey() {
    Map<String, String> unknown = new TreeMap<>();
    Map<String, List<String>> names = lenscastVariablesBySource();
    assertTrue(names.values().stream().mapToInt(List::size).sum() >= 10, names.toString());
    names.forEach((source, vars) -> vars.stream()
        .filter(v -> CONFIG.keyOverriddenBy(v).isEmpty())
        .forEach(v -> unknown.put(v, source)));
    assertEquals(Map.of(), unknown, "LENSCAST_* names with no key in config/default.json");
  }

  @Test
  void environmentNamesResolveThroughNestedSectionsAndFreeFormMaps() {
    assertEquals("kafka.bootstrapServers",
        CONFIG.keyOverriddenBy("LENSCAST_KAFKA_BOOTSTRAPSERVERS").orElseThrow());
    assertEquals("kafka.embedded.port",
        CONFIG.keyOverriddenBy("LENSCAST_KAFKA_EMBEDDED_PORT").orElseThrow());
    assertEquals("worker.models", CONFIG.keyOverriddenBy("LENSCAST_WORKER_MODELS_LLAVA").orElseThrow());
    assertTrue(CONFIG.keyOverriddenBy("LENSCAST_DASHBOARD_PROT").isEmpty());
    assertTrue(CONFIG.keyOverriddenBy("LENSCAST_KAFKA_EMBEDDED").isEmpty(), "a section, not a value");
    assertTrue(CONFIG.keyOverriddenBy("LENSCAST_DASHBOARD_PORT_EXTRA").isEmpty());
  }

  @Test
  void configOverlaysUseOnlyKeysOfDefaultConfig() {
    List<JsonNode> overlays = new ArrayList<>();
    overlays.add(DEPLOY.json("config/lenscast.json"));
    overlays.add(DeployTree.parseJson(DEPLOY.k8s("ConfigMap", "lenscast-config")
        .path("data").path("lenscast.json").asText()));
    for (JsonNode overlay : overlays) {
      assertEquals(Set.of(), CONFIG.unknownKeys(overlay));
      String defaultModel = overlay.path("worker").path("defaultModel").asText();
      assertTrue(overlay.path("worker").path("models").has(defaultModel),
          "defaultModel " + defaultModel + " is one of the configured models");
      overlay.path("worker").path("models").forEach(dir ->
          assertTrue(dir.asText().startsWith("/models/"), "models live on the read-only mount"));
    }
  }

  @Test
  void dashboardPortsInManifestsAreTheConfiguredDashboardPort() {
    int port = CONFIG.port("dashboard", "port");
    JsonNode dashboard = DEPLOY.compose().path("services").path("dashboard");
    assertEquals(port, Integer.parseInt(env(dashboard, "LENSCAST_DASHBOARD_PORT")));
    assertEquals(port, healthcheckPort(dashboard));
    assertTrue(dashboard.path("ports").get(0).asText().endsWith(":" + port));
    assertTrue(prometheusStaticTargets().contains("dashboard:" + port));
    JsonNode container = firstContainer(DEPLOY.k8s("Deployment", "lenscast-dashboard"));
    assertEquals(port, container.path("ports").get(0).path("containerPort").asInt());
    assertEquals(String.valueOf(port), annotation(DEPLOY.k8s("Deployment", "lenscast-dashboard"),
        "prometheus.io/port"));
    assertEquals(String.valueOf(port), new DockerfileText(DEPLOY.text("Dockerfile"))
        .env("HEALTH_PORT").orElseThrow(), "the CPU image runs `up`: its health is the dashboard's");
  }

  @Test
  void workerPortsInManifestsAreTheConfiguredWorkerHttpPort() {
    int port = CONFIG.port("worker", "httpPort");
    JsonNode worker = DEPLOY.compose().path("services").path("worker");
    assertEquals(port, Integer.parseInt(env(worker, "LENSCAST_WORKER_HTTPPORT")));
    assertEquals(port, Integer.parseInt(env(worker, "HEALTH_PORT")));
    assertEquals(port, healthcheckPort(worker));
    JsonNode workerJob = prometheusJob("lenscast-worker");
    assertEquals(port, workerJob.path("dns_sd_configs").get(0).path("port").asInt());
    assertEquals("worker", workerJob.path("dns_sd_configs").get(0).path("names").get(0).asText());
    JsonNode deployment = DEPLOY.k8s("Deployment", "lenscast-worker");
    assertEquals(port, firstContainer(deployment).path("ports").get(0).path("containerPort").asInt());
    assertEquals(String.valueOf(port), annotation(deployment, "prometheus.io/port"));
    assertEquals(String.valueOf(port), effectiveK8sValue("LENSCAST_WORKER_HTTPPORT", ""));
    assertEquals(String.valueOf(port), new DockerfileText(DEPLOY.text("Dockerfile.cuda"))
        .env("HEALTH_PORT").orElseThrow(), "the CUDA image runs `worker`");
  }

  @Test
  void composeKafkaIsReachableFromTheHostWhereTheLocalCliLooksForIt() {
    JsonNode kafka = DEPLOY.compose().path("services").path("kafka");
    assertTrue(kafka.path("image").asText().startsWith("apache/kafka:"));
    assertTrue(kafka.path("ports").get(0).asText()
        .matches(".*\\$\\{KAFKA_HOST_PORT:-" + CONFIG.port("kafka", "embedded", "port") + "}:\\d+"),
        "compose publishes Kafka on the host port `./lenscast publish` uses by default");
  }

  @Test
  void composeWorkerScalesAndMountsModelsReadOnly() {
    JsonNode services = DEPLOY.compose().path("services");
    JsonNode worker = services.path("worker");
    assertFalse(worker.has("container_name"), "--scale needs generated container names");
    assertFalse(worker.has("ports"), "--scale cannot publish one host port per replica");
    List<String> modelMounts = new ArrayList<>();
    worker.path("volumes").forEach(v -> {
      if (v.asText().contains(":/models/")) {
        modelMounts.add(v.asText());
      }
    });
    assertFalse(modelMounts.isEmpty());
    modelMounts.forEach(m -> assertTrue(m.endsWith(":ro"), m));
    assertEquals("service_completed_successfully",
        worker.path("depends_on").path("topics").path("condition").asText());
    for (String role : List.of("worker", "dashboard")) {
      assertEquals(role, services.path(role).path("command").get(0).asText());
    }
  }

  @Test
  void k8sWorkerGetsOneGpuReadOnlyModelsProbesAndTimeToFinishItsJob() {
    JsonNode deployment = DEPLOY.k8s("Deployment", "lenscast-worker");
    JsonNode pod = deployment.path("spec").path("template").path("spec");
    JsonNode container = firstContainer(deployment);
    assertEquals(1, container.path("resources").path("limits").path("nvidia.com/gpu").asInt());
    assertFalse(pod.path("nodeSelector").isEmpty());
    assertTrue(pod.path("terminationGracePeriodSeconds").asInt() >= 120);
    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
      assertEquals("/health", container.path(probe).path("httpGet").path("path").asText(), probe);
    }
    JsonNode models = JsonArrays.find(container.path("volumeMounts"),
        m -> m.path("mountPath").asText().equals("/models"));
    assertTrue(models.path("readOnly").asBoolean());
    assertEquals("worker", container.path("args").get(0).asText());
    assertTrue(container.path("image").asText().startsWith("lenscast-cuda"));
  }

  @Test
  void dashboardServiceAndIngressRouteToTheDashboardContainerPort() {
    JsonNode service = DEPLOY.k8s("Service", "lenscast-dashboard");
    JsonNode servicePort = service.path("spec").path("ports").get(0);
    JsonNode container = firstContainer(DEPLOY.k8s("Deployment", "lenscast-dashboard"));
    assertEquals(container.path("ports").get(0).path("name").asText(),
        servicePort.path("targetPort").asText());
    assertEquals(DEPLOY.k8s("Deployment", "lenscast-dashboard").path("spec").path("selector")
        .path("matchLabels"), service.path("spec").path("selector"));
    JsonNode backend = DEPLOY.k8s("Ingress", "lenscast-dashboard").path("spec").path("rules").get(0)
        .path("http").path("paths").get(0).path("backend").path("service");
    assertEquals("lenscast-dashboard", backend.path("name").asText());
    assertEquals(servicePort.path("name").asText(), backend.path("port").path("name").asText());
  }

  @Test
  void imagesBuildWithTheReadmeCommandRunOfflineAsNonRootAndBakeNoModels() {
    String readme = DEPLOY.text("README.md");
    DockerfileText cpu = new DockerfileText(DEPLOY.text("Dockerfile"));
    DockerfileText cuda = new DockerfileText(DEPLOY.text("Dockerfile.cuda"));
    String build = cpu.mavenBuildCommand();
    assertEquals("mvn -B -DskipTests package", build);
    assertEquals(build, cuda.mavenBuildCommand());
    assertTrue(readme.lines().anyMatch(l -> l.strip().equals(build)),
        "deploy/README.md shows the image's build command on a line of its own: " + build);
    for (DockerfileText image : List.of(cpu, cuda)) {
      String entrypoint = image.arguments("ENTRYPOINT").get(0);
      assertTrue(entrypoint.contains("\"-Dai.djl.offline=true\"")
          && entrypoint.contains("\"io.lenscast.cli.Main\"") && entrypoint.startsWith("[\"java\""));
      assertFalse(Set.of("root", "0", "0:0").contains(image.user()), "runs as non-root");
      assertTrue(image.arguments("HEALTHCHECK").get(0).contains("/health"));
      assertEquals("true", image.env("DJL_OFFLINE").orElseThrow());
      image.arguments("COPY").forEach(copy -> assertFalse(
          copy.contains("fixtures") || copy.contains("models") || copy.contains("safetensors"),
          "model weights are mounted, never copied into the image: " + copy));
    }
    assertEquals("cu128", cuda.env("PYTORCH_FLAVOR").orElseThrow());
    assertTrue(DEPLOY.text("Dockerfile.cuda").contains("2.7.1%2Bcu128"),
        "libtorch build matches the CUDA flavor");
  }

  @Test
  void grafanaDashboardQueriesOnlyMetricsTheReadmeDocuments() {
    Set<String> queried = dashboardMetricNames();
    assertTrue(queried.containsAll(Set.of("lenscast_jobs_completed_total",
        "lenscast_stage_seconds_sum", "lenscast_jobs_failed_total", "lenscast_consumer_lag",
        "lenscast_native_memory_bytes")), queried.toString());
    String readme = DEPLOY.text("README.md");
    queried.forEach(m -> assertTrue(readme.contains(metricFamily(m)),
        "deploy/README.md documents " + metricFamily(m)));
  }

  @Test
  void grafanaDashboardMetricsAreRegisteredByTheCode() throws IOException {
    String sources = javaSources(REPO.resolve("verticles/src/main/java"))
        + javaSources(REPO.resolve("shared/src/main/java"));
    assumeTrue(sources.contains("\"lenscast.jobs.consumed\""),
        "the metrics holder has not landed on this branch yet");
    for (String metric : dashboardMetricNames()) {
      String dotted = metricFamily(metric).replace('_', '.');
      String withoutUnit = dotted.replaceAll("\\.(bytes|seconds)$", "");
      assertTrue(sources.contains('"' + dotted + '"') || sources.contains('"' + withoutUnit + '"'),
          "no Micrometer meter named " + dotted + " or " + withoutUnit + " in the code");
    }
  }

  private static Map<String, Integer> composeTopicPartitions() {
    Map<String, Integer> topics = new TreeMap<>();
    Matcher m = CREATE_TOPIC.matcher(DEPLOY.text("kafka/create-topics.sh"));
    while (m.find()) {
      topics.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return topics;
  }

  private static Map<String, List<String>> lenscastVariablesBySource() {
    Map<String, List<String>> bySource = new TreeMap<>();
    DEPLOY.compose().path("services").fields().forEachRemaining(s ->
        bySource.put("compose " + s.getKey(), lenscastNames(s.getValue().path("environment"))));
    bySource.put("compose.gpu worker", lenscastNames(DEPLOY.yamlDocuments("compose.gpu.yaml").get(0)
        .root().path("services").path("worker").path("environment")));
    for (String kind : List.of("ConfigMap", "Secret")) {
      for (JsonNode object : DEPLOY.k8s(kind)) {
        List<String> names = new ArrayList<>(lenscastNames(object.path("data")));
        names.addAll(lenscastNames(object.path("stringData")));
        bySource.put(kind + " " + object.path("metadata").path("name").asText(), names);
      }
    }
    for (JsonNode deployment : DEPLOY.k8s("Deployment")) {
      List<String> names = new ArrayList<>();
      firstContainer(deployment).path("env").forEach(e -> names.add(e.path("name").asText()));
      bySource.put("Deployment " + deployment.path("metadata").path("name").asText(),
          names.stream().filter(n -> n.startsWith("LENSCAST_")).toList());
    }
    for (String dockerfile : List.of("Dockerfile", "Dockerfile.cuda")) {
      bySource.put(dockerfile, new DockerfileText(DEPLOY.text(dockerfile)).envNames().stream()
          .filter(n -> n.startsWith("LENSCAST_")).toList());
    }
    return bySource;
  }

  private static List<String> lenscastNames(JsonNode environment) {
    List<String> names = new ArrayList<>();
    if (environment.isObject()) {
      environment.fieldNames().forEachRemaining(names::add);
    } else {
      environment.forEach(e -> names.add(e.asText().split("=", 2)[0]));
    }
    return names.stream().filter(n -> n.startsWith("LENSCAST_")).toList();
  }

  private static String env(JsonNode service, String name) {
    JsonNode value = service.path("environment").path(name);
    assertFalse(value.isMissingNode(), name + " is set");
    return value.asText();
  }

  /** Value a k8s pod sees for a LENSCAST_ variable: from lenscast-env, else the default. */
  private static String effectiveK8sValue(String name, String fallback) {
    return DEPLOY.k8s("ConfigMap", "lenscast-env").path("data").path(name).asText(fallback);
  }

  private static int healthcheckPort(JsonNode service) {
    String test = String.join(" ", JsonArrays.texts(service.path("healthcheck").path("test")));
    Matcher m = URL_PORT.matcher(test);
    assertTrue(m.find(), "healthcheck calls /health: " + test);
    return Integer.parseInt(m.group(1));
  }

  private static JsonNode prometheusJob(String name) {
    JsonNode config = DEPLOY.yamlDocuments("prometheus/prometheus.yml").get(0).root();
    return JsonArrays.find(config.path("scrape_configs"),
        j -> j.path("job_name").asText().equals(name));
  }

  private static Set<String> prometheusStaticTargets() {
    Set<String> targets = new TreeSet<>();
    JsonNode config = DEPLOY.yamlDocuments("prometheus/prometheus.yml").get(0).root();
    config.path("scrape_configs").forEach(job -> job.path("static_configs")
        .forEach(s -> s.path("targets").forEach(t -> targets.add(t.asText()))));
    return targets;
  }

  private static JsonNode firstContainer(JsonNode deployment) {
    return deployment.path("spec").path("template").path("spec").path("containers").get(0);
  }

  private static String annotation(JsonNode deployment, String key) {
    return deployment.path("spec").path("template").path("metadata").path("annotations")
        .path(key).asText();
  }

  private static Set<String> dashboardMetricNames() {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\\blenscast_[a-z_]+").matcher("");
    DEPLOY.json("grafana/dashboards/lenscast.json").path("panels").forEach(panel ->
        panel.path("targets").forEach(t -> {
          m.reset(t.path("expr").asText());
          while (m.find()) {
            names.add(m.group());
          }
        }));
    return names;
  }

  /** The Micrometer meter behind a Prometheus series: strips _total, _seconds_sum, ... */
  private static String metricFamily(String series) {
    return series.replaceAll("_(total|seconds_sum|seconds_count|seconds_max|seconds_bucket)$", "");
  }

  private static String javaSources(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return "";
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).map(p -> {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).collect(Collectors.joining("\n"));
    }
  }
}
