package io.lenscast.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lenscast.events.EventCodec;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.StatusEvent;
import io.lenscast.kafka.TestBroker;
import io.lenscast.testing.TopicCollector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's HTTP API and WebSocket against the embedded Kafka broker. */
class DashboardServerTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir
  static Path tmp;
  private static TestBroker broker;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startBroker() {
    broker = new TestBroker(tmp.resolve("kafka")).start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> upload(String url, byte[] image, String options) throws Exception {
    String boundary = "b" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (image != null) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; "
          + "filename=\"shapes.png\"\r\nContent-Type: image/png\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.write(image);
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"options\"\r\n\r\n"
        + options + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String s) throws Exception {
    return EventCodec.mapper().readTree(s);
  }

  @Test
  void healthSaysKafkaIsReachable() throws Exception {
    try (RunningDashboard d = new RunningDashboard(broker, "")) {
      HttpResponse<String> r = get(d.url("/health"), null);
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("up", json(r.body()).path("status").asText());
      assertTrue(json(r.body()).path("kafka").path("reachable").asBoolean());
    }
  }

  @Test
  void theDashboardPageAndItsModulesAreServed() throws Exception {
    try (RunningDashboard d = new RunningDashboard(broker, "")) {
      HttpResponse<String> page = get(d.url("/"), null);
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("data-testid=\"layer-slider\""));
      assertEquals(200, get(d.url("/js/app.js"), null).statusCode());
    }
  }

  @Test
  void anUploadIsPublishedAsAJobWithItsImageAndListedWithItsCrop() throws Exception {
    try (RunningDashboard d = new RunningDashboard(broker, "");
        TopicCollector jobs = new TopicCollector(broker.bootstrap(), List.of(d.topics.jobs()))) {
      byte[] png = Files.readAllBytes(RecordedJob.IMAGE);
      HttpResponse<String> r = upload(d.url("/api/jobs"), png, """
          {"prompt": "USER: <image>\\nWhat is this? ASSISTANT:", "tag": "upload-test",
           "objects": [{"label": "circle", "bbox": [62, 70, 141, 139]}]}""");
      assertEquals(202, r.statusCode(), r.body());
      String jobId = json(r.body()).path("jobId").asText();

      ConsumerRecord<String, byte[]> record = jobs.until(l -> !l.isEmpty(), WAIT, "the job")
          .get(0);
      assertEquals(jobId, record.key());
      JsonNode job = json(new String(record.value(), StandardCharsets.UTF_8));
      assertEquals("lenscast.job", job.path("schema").asText());
      assertEquals(1, job.path("version").asInt());
      assertEquals(jobId, job.path("jobId").asText());
      assertTrue(java.util.Arrays.equals(png,
          Base64.getDecoder().decode(job.path("image").path("base64").asText())));

      JsonNode listed = Poll.until(() -> {
        try {
          return json(get(d.url("/api/jobs?tag=upload-test"), null).body());
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      }, l -> l.size() == 1 && l.get(0).path("hasCrop").asBoolean(), WAIT, "the listed job");
      assertEquals(jobId, listed.get(0).path("jobId").asText());
      assertEquals("submitted", listed.get(0).path("state").asText());
      assertEquals(0, json(get(d.url("/api/jobs?tag=other"), null).body()).size());

      JsonNode details = json(get(d.url("/api/jobs/" + jobId), null).body());
      assertEquals(56, details.path("crop").path("left").asInt());
      assertFalse(details.path("events").get(0).path("image").has("base64"),
          "the API never serves the inline image bytes back");
      HttpResponse<byte[]> crop = http.send(HttpRequest.newBuilder(
          URI.create(d.url("/api/jobs/" + jobId + "/crop.jpg"))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(crop.body()));
      assertEquals(336, img.getWidth());
      assertEquals(336, img.getHeight());
    }
  }

  @Test
  void aBadUploadIsRefusedWithItsReason() throws Exception {
    try (RunningDashboard d = new RunningDashboard(broker, "\"maxUploadBytes\": 100000")) {
      byte[] png = Files.readAllBytes(RecordedJob.IMAGE);
      HttpResponse<String> noImageToken = upload(d.url("/api/jobs"), png,
          "{\"prompt\": \"describe it\"}");
      assertEquals(400, noImageToken.statusCode());
      assertTrue(json(noImageToken.body()).path("error").asText().contains("<image>"));
      HttpResponse<String> noFile = upload(d.url("/api/jobs"), null, "{\"task\": \"describe\"}");
      assertEquals(400, noFile.statusCode());
      assertTrue(json(noFile.body()).path("error").asText().startsWith("no image"));
      HttpResponse<String> tooBig = upload(d.url("/api/jobs"), new byte[300_000],
          "{\"task\": \"describe\"}");
      assertEquals(413, tooBig.statusCode());
      assertEquals(404, get(d.url("/api/jobs/nope"), null).statusCode());
    }
  }

  @Test
  void aJobOpenedLateIsReplayedInOrderThenFollowedLive() throws Exception {
    try (RunningDashboard d = new RunningDashboard(broker, "")) {
      RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), 5, "t", "e");
      d.publish(job.job);
      for (int l = 0; l < 5; l++) {
        d.publish(job.layer(l));
        d.publish(job.status(StatusEvent.RUNNING, l + 1));
      }
      d.publish(job.layer(2));  // a redelivery: stored once
      awaitStoredLayers(d, job.jobId, 5);

      try (WsClient ws = WsClient.fast(d.wsUrl("/ws"))) {
        ws.send("{\"type\":\"subscribe\",\"jobId\":\"" + job.jobId + "\"}");
        Poll.until(() -> ws.framesContaining("\"replayed\""), l -> !l.isEmpty(), WAIT,
            "end of replay");
        List<String> events = ws.frames.stream().filter(f -> f.contains("\"schema\"")).toList();
        assertEquals(7, events.size(), "job + 5 layers + latest status");
        assertTrue(events.get(0).contains("\"lenscast.job\""));
        for (int l = 0; l < 5; l++) {
          LayerEvent e = EventCodec.fromJson(events.get(1 + l), LayerEvent.class);
          assertEquals(l, e.layer());
          assertEquals(577, e.topk().tokens().length);
        }
        assertTrue(events.get(6).contains("\"lenscast.status\""));

        job.tail().forEach(d::publish);
        Poll.until(() -> ws.framesContaining("\"lenscast.result\""), l -> !l.isEmpty(), WAIT,
            "the live result");
        assertEquals(2, ws.framesContaining("\"lenscast.ablation\"").size());
        assertEquals(3, ws.framesContaining("\"lenscast.knockout\"").size());
        Poll.until(() -> ws.framesContaining("\"state\":\"completed\""), l -> !l.isEmpty(), WAIT,
            "the completed row");
      }
    }
  }

  @Test
  void aClientAskingForCompactLayersGetsThemReplayedAndLiveWhileOthersGetTheEvents()
      throws Exception {
    try (RunningDashboard d = new RunningDashboard(broker, "")) {
      RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), 6, null, null);
      d.publish(job.job);
      for (int l = 0; l < 3; l++) {
        d.publish(job.layer(l));
      }
      awaitStoredLayers(d, job.jobId, 3);
      try (WsClient compact = WsClient.fast(d.wsUrl("/ws"));
          WsClient plain = WsClient.fast(d.wsUrl("/ws"))) {
        compact.send("{\"type\":\"subscribe\",\"jobId\":\"" + job.jobId
            + "\",\"layers\":\"compact\"}");
        plain.send("{\"type\":\"subscribe\",\"jobId\":\"" + job.jobId + "\"}");
        for (WsClient ws : List.of(compact, plain)) {
          Poll.until(() -> ws.framesContaining("\"replayed\""), l -> !l.isEmpty(), WAIT,
              "end of replay");
        }
        for (int l = 3; l < 6; l++) {
          d.publish(job.layer(l));
        }
        List<String> layers = Poll.until(
            () -> compact.framesContaining("\"type\":\"layer\""), l -> l.size() == 6, WAIT,
            "3 replayed + 3 live compact layers");
        for (int l = 0; l < 6; l++) {
          JsonNode frame = json(layers.get(l));
          assertEquals(l, frame.path("layer").asInt());
          assertEquals(job.top1(l).get(100),
              frame.path("words").get(frame.path("top").get(100 * 5).asInt()).asText());
        }
        assertTrue(compact.framesContaining("\"lenscast.layer\"").isEmpty(),
            "no full layer events to the compact client");
        Poll.until(() -> plain.framesContaining("\"lenscast.layer\""), l -> l.size() == 6, WAIT,
            "6 full layer events to the other client");
        assertTrue(plain.framesContaining("\"type\":\"layer\"").isEmpty());
        assertEquals(1, compact.framesContaining("\"lenscast.job\"").size(),
            "other events go out as they are");
      }
    }
  }

  @Test
  void rowChangesOfABurstAreCoalescedAndTheLastRowIsCurrent() throws Exception {
    try (RunningDashboard d = new RunningDashboard(broker, "")) {
      RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), 40, null, null);
      try (WsClient ws = WsClient.fast(d.wsUrl("/ws"))) {
        Poll.until(() -> ws.framesContaining("\"type\":\"jobs\""), l -> !l.isEmpty(), WAIT,
            "the list");
        d.publish(job.job);
        for (int l = 0; l < 40; l++) {
          d.publishAsync(job.layer(l));
        }
        List<String> rows = Poll.until(() -> ws.framesContaining(job.jobId).stream()
                .filter(f -> f.contains("\"type\":\"job\"")).toList(),
            l -> !l.isEmpty() && l.get(l.size() - 1).contains("\"layersDone\":40"), WAIT,
            "the row at 40 layers");
        assertTrue(rows.size() < 30,
            rows.size() + " row frames for 41 events (one each uncoalesced)");
      }
    }
  }

  @Test
  void aClientThatStopsDrainingIsDroppedAfterTheAllowedLagWithinItsBuffer() throws Exception {
    try (RunningDashboard d = new RunningDashboard(broker,
        "\"wsClientBufferEvents\": 100000, \"wsClientMaxLagMs\": 1000")) {
      RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), 1000, null, null);
      d.publish(job.job);
      try (WsClient fast = WsClient.fast(d.wsUrl("/ws"));
          WsClient stalled = new WsClient(d.wsUrl("/ws"), 1)) {
        fast.send("{\"type\":\"subscribe\",\"jobId\":\"" + job.jobId
            + "\",\"layers\":\"compact\"}");
        stalled.send("{\"type\":\"subscribe\",\"jobId\":\"" + job.jobId + "\"}");
        Poll.until(() -> fast.framesContaining("\"replayed\""), l -> !l.isEmpty(), WAIT,
            "fast subscribed");
        // the stalled client reads nothing: once the socket buffers between it and the server
        // are full (some MB), frames wait on the server and the lag bound drops it
        int published = 0;
        while (published < 1000 && !droppedCounted(d)) {
          for (int i = 0; i < 10; i++) {
            d.publish(job.layer(published++));
          }
        }
        int sent = published;
        Poll.until(() -> droppedCounted(d), dropped -> dropped, WAIT, "the stalled client dropped");
        Poll.until(() -> fast.framesContaining("\"type\":\"layer\"").size(), n -> n == sent,
            WAIT, "all " + sent + " layers at the fast client");
        stalled.resume();
        String closed = stalled.closed.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(closed.startsWith("4008"), closed);
        assertTrue(closed.contains("waited more than 1000 ms"), closed);
        assertFalse(fast.closed.isDone(), "the fast client stays connected");
      }
    }
  }

  /** Waits until the dashboard's store holds {@code layers} layers of the job. */
  private void awaitStoredLayers(RunningDashboard d, String jobId, int layers) {
    Poll.until(() -> {
      try {
        return json(get(d.url("/api/jobs/" + jobId), null).body());
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    }, j -> j.path("job").path("layersDone").asInt() == layers, WAIT, layers + " stored layers");
  }

  private static boolean droppedCounted(RunningDashboard d) {
    return d.metrics.scrape().lines().anyMatch(line ->
        line.startsWith("lenscast_ws_dropped_total") && !line.endsWith(" 0.0"));
  }

  @Test
  void everyClientGetsTheJobListAndItsChanges() throws Exception {
    try (RunningDashboard d = new RunningDashboard(broker, "");
        WsClient ws = WsClient.fast(d.wsUrl("/ws"))) {
      Poll.until(() -> ws.framesContaining("\"type\":\"jobs\""), l -> !l.isEmpty(), WAIT,
          "the initial list");
      RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), 5, null, null);
      d.publish(job.failed("bad_image", "cannot decode the image: truncated PNG"));
      String row = Poll.until(() -> ws.framesContaining("\"type\":\"job\""), l -> !l.isEmpty(),
          WAIT, "the failed row").get(0);
      JsonNode r = json(row).path("job");
      assertEquals("failed", r.path("state").asText());
      assertEquals("cannot decode the image: truncated PNG", r.path("errorMessage").asText());
      assertTrue(ws.framesContaining("\"lenscast.status\"").isEmpty(),
          "events only go to subscribers");
    }
  }

  @Test
  void aSlowClientIsDroppedAndToldWhyWhileAFastOneGetsEverything() throws Exception {
    try (RunningDashboard d = new RunningDashboard(broker, "\"wsClientBufferEvents\": 4")) {
      RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), 400, null, null);
      d.publish(job.job);
      try (WsClient fast = WsClient.fast(d.wsUrl("/ws"));
          WsClient slow = new WsClient(d.wsUrl("/ws"), 1)) {
        fast.send("{\"type\":\"subscribe\",\"jobId\":\"" + job.jobId + "\"}");
        slow.send("{\"type\":\"subscribe\",\"jobId\":\"" + job.jobId + "\"}");
        Poll.until(() -> fast.framesContaining("\"replayed\""), l -> !l.isEmpty(), WAIT,
            "fast subscribed");
        // a steady stream the fast client keeps up with (four layers at a time, the buffer's
        // size: one Kafka poll can hand the hub a burst bigger than any client's buffer)
        for (int l = 0; l < 400; l += 4) {
          for (int i = l; i < l + 4; i++) {
            d.publish(job.layer(i));
          }
          int expected = l + 4;
          Poll.until(() -> fast.framesContaining("\"lenscast.layer\"").size(),
              n -> n == expected, WAIT, "layers up to " + expected + " at the fast client");
        }
        slow.resume();
        String closed = slow.closed.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(closed.startsWith("4008"), closed);
        assertTrue(closed.contains("events waiting"), closed);
        assertTrue(d.metrics.scrape().lines().anyMatch(line ->
            line.startsWith("lenscast_ws_dropped_total") && !line.endsWith(" 0.0")),
            "dropped frames counted");
        assertFalse(fast.closed.isDone(), "the fast client stays connected");
      }
    }
  }

  @Test
  void theTokenGuardsTheApiAndTheWebSocketWhenConfigured() throws Exception {
    String token = "s3cret-token-0123456789";
    try (RunningDashboard d = new RunningDashboard(broker, "\"authToken\": \"" + token + "\"")) {
      assertEquals(401, get(d.url("/api/jobs"), null).statusCode());
      assertEquals(401, get(d.url("/api/jobs"), "wrong-token-0123456789").statusCode());
      assertEquals(200, get(d.url("/api/jobs"), token).statusCode());
      assertEquals(200, get(d.url("/"), null).statusCode(), "the page itself is public");
      assertThrowsUpgrade(d.wsUrl("/ws"));
      try (WsClient ws = WsClient.fast(d.wsUrl("/ws?access_token=" + token))) {
        Poll.until(() -> ws.framesContaining("\"type\":\"jobs\""), l -> !l.isEmpty(), WAIT,
            "the list over an authorised socket");
      }
    }
  }

  private static void assertThrowsUpgrade(String url) {
    try (WsClient ws = WsClient.fast(url)) {
      throw new AssertionError("the upgrade without a token must fail");
    } catch (java.util.concurrent.ExecutionException e) {
      assertTrue(e.getCause() instanceof java.net.http.WebSocketHandshakeException,
          String.valueOf(e.getCause()));
      assertEquals(401, ((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse()
          .statusCode());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void metricsCountConnectedClientsAndMalformedValuesAreSkipped() throws Exception {
    try (RunningDashboard d = new RunningDashboard(broker, "");
        WsClient ws = WsClient.fast(d.wsUrl("/ws"))) {
      Poll.until(() -> get2(d.url("/metrics")), m -> m.contains("lenscast_ws_clients 1.0"), WAIT,
          "one client in the metrics");
      d.publishRaw(d.topics.jobOutputs().get(0), "x", "{not json");
      RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), 5, null, null);
      d.publish(job.status(StatusEvent.RUNNING, 1));
      Poll.until(() -> ws.framesContaining(job.jobId), l -> !l.isEmpty(), WAIT,
          "the next good event after a malformed one");
      Poll.until(() -> get2(d.url("/metrics")), m -> m.lines().anyMatch(line ->
          line.startsWith("lenscast_dashboard_stored_bytes ") && !line.endsWith(" 0.0")), WAIT,
          "the stored events' memory in the metrics");
    }
  }

  private String get2(String url) {
    try {
      return get(url, null).body();
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }
}
