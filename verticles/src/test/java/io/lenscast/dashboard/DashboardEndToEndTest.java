package io.lenscast.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lenscast.config.LenscastConfig;
import io.lenscast.events.EventCodec;
import io.lenscast.events.JobEvent;
import io.lenscast.events.Schemas;
import io.lenscast.kafka.FreePorts;
import io.lenscast.kafka.KafkaClients;
import io.lenscast.kafka.TestBroker;
import io.lenscast.launch.Platform;
import io.lenscast.launch.Role;
import io.lenscast.worker.EngineProcessors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The real stack, as {@code ./lenscast up} runs it (worker with the LLaVA engine on the fixture
 * model, dashboard, aggregator) against the embedded broker, watched in headless Chromium: a job
 * published with a plain Kafka client, one submitted through the form, and one whose image the
 * worker cannot decode.
 */
class DashboardEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(120);
  @TempDir
  static Path tmp;
  private static TestBroker broker;
  private static Platform platform;
  private static HeadlessChromium chromium;
  private static LenscastConfig config;
  private static String baseUrl;
  private static DashboardPage page;

  @BeforeAll
  static void start() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(HeadlessChromium.available(),
        "needs /usr/bin/chromium and /usr/bin/chromedriver");
    broker = new TestBroker(tmp.resolve("kafka")).start();
    int port = FreePorts.pick(1)[0];
    baseUrl = "http://127.0.0.1:" + port;
    config = broker.config("\"dashboard\": {\"port\": " + port + ", \"webRoot\": \"../web-ui\"}");
    platform = Platform.start(config, EnumSet.allOf(Role.class), false, new EngineProcessors(config.worker()));
    chromium = new HeadlessChromium(tmp.resolve("profile"));
    page = new DashboardPage(chromium.driver, baseUrl, WAIT);
  }

  @AfterAll
  static void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (platform != null) {
      platform.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  /** Top-1 token of every visual patch per layer, from the dashboard's own API. */
  private List<List<String>> layersFromApi(String jobId) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/jobs/" + jobId)).build(),
        HttpResponse.BodyHandlers.ofString());
    List<List<String>> layers = new ArrayList<>();
    for (JsonNode e : EventCodec.mapper().readTree(r.body()).path("events")) {
      if (Schemas.LAYER.equals(e.path("schema").asText())) {
        List<String> top1 = new ArrayList<>();
        JsonNode tokens = e.path("topk").path("tokens");
        for (int c = 0; c < 576; c++) {
          top1.add(tokens.get(c).get(0).asText());
        }
        assertEquals(layers.size(), e.path("layer").asInt(), "layers stored in order");
        layers.add(top1);
      }
    }
    return layers;
  }

  /** Every layer, chosen with the slider, shows that layer's 576 top-1 words. */
  private void checkEveryLayer(String jobId) throws Exception {
    List<List<String>> layers = layersFromApi(jobId);
    assertEquals(5, layers.size(), "tiny-llava-a has 4 decoder layers + the embedding output");
    page.waitFor(d -> page.text("layer-count").equals("5 / 5"), "all layers received");
    WebElement slider = page.byTestId("layer-slider");
    slider.sendKeys(Keys.HOME);
    for (int l = 0; l < layers.size(); l++) {
      List<String> expected = layers.get(l);
      int layer = l;
      page.waitFor(d -> page.shownTop1().equals(expected),
          "layer " + layer + " shows its top-1 words");
      assertTrue(expected.stream().allMatch(t -> !t.isEmpty()));
      slider.sendKeys(Keys.ARROW_RIGHT);
    }
  }

  @Test
  void aJobPublishedWithAKafkaClientIsWatchedOnTheRealEngine() throws Exception {
    page.open();
    String jobId = UUID.randomUUID().toString();
    JobEvent job = new JobEvent(Schemas.JOB, 1, jobId,
        new JobEvent.ImageRef(Base64.getEncoder().encodeToString(
            Files.readAllBytes(RecordedJob.IMAGE)), null, "shapes.png"),
        "USER: <image>\nWhat is shown in this image? ASSISTANT:", null, null, null,
        List.of(new JobEvent.ObjectAnnotation("circle", new double[] {62, 70, 141, 139}, null)),
        new JobEvent.Analyses(new JobEvent.LogitLens(5), null, null, null), null, "e2e", "kafka",
        null);
    try (KafkaProducer<String, byte[]> p = new KafkaClients(config.kafka()).producer("e2e")) {
      p.send(new ProducerRecord<>(config.kafka().topics().jobs(), jobId,
          EventCodec.toBytes(job))).get();
    }
    page.row(jobId).click();
    try {
      page.awaitState(jobId, "completed");
    } catch (org.openqa.selenium.TimeoutException e) {
      chromium.screenshot("e2e-01-timeout");
      throw new AssertionError("not completed; row: " + page.row(jobId).getText(), e);
    }
    page.waitFor(d -> d.findElements(By.cssSelector("[data-testid=patch]")).size() == 576,
        "576 patches");
    checkEveryLayer(jobId);
    page.waitFor(d -> d.findElement(By.cssSelector("img.crop")).isDisplayed(), "the crop");
    chromium.screenshot("e2e-01-real-engine-job");
  }

  @Test
  void aJobSubmittedThroughTheFormCompletesOnTheRealEngine() throws Exception {
    page.open();
    page.startSubmit(RecordedJob.IMAGE);
    page.byTestId("submit-tag").sendKeys("e2e-form");
    page.send();
    String jobId = page.submittedJobId();
    page.awaitState(jobId, "completed");
    checkEveryLayer(jobId);
    chromium.screenshot("e2e-02-form-job-completed");
  }

  @Test
  void aJobWhoseImageCannotBeDecodedShowsTheWorkersReason() throws Exception {
    page.open();
    Path notAnImage = tmp.resolve("broken.png");
    Files.writeString(notAnImage, "this is not a PNG");
    page.startSubmit(notAnImage);
    page.send();
    String jobId = page.submittedJobId();
    page.awaitState(jobId, "failed");
    WebElement error = page.waitFor(d -> {
      WebElement e = d.findElement(By.cssSelector("[data-testid=job-error]"));
      return e.isDisplayed() && !e.getText().isBlank() ? e : null;
    }, "the reason");
    assertTrue(error.getText().startsWith("Failed ("), error.getText());
    chromium.screenshot("e2e-03-real-failure");
  }
}
