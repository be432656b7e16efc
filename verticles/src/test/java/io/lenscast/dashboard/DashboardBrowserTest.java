package io.lenscast.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.events.Event;
import io.lenscast.events.JobEvent;
import io.lenscast.events.StatusEvent;
import io.lenscast.kafka.TestBroker;
import io.lenscast.testing.TopicCollector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The dashboard in real headless Chromium against the embedded Kafka: jobs appear, a job's
 * layers are painted as they arrive, the slider, hover, word search, analyses, a failed job's
 * reason, and a job submitted through the form. Events are published to the topics the way the
 * worker does (recorded lens output of the fixture model), which tests the dashboard itself.
 */
class DashboardBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir
  static Path tmp;
  private static TestBroker broker;
  private static RunningDashboard dashboard;
  private static HeadlessChromium chromium;
  private static DashboardPage page;

  @BeforeAll
  static void start() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(HeadlessChromium.available(),
        "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
    broker = new TestBroker(tmp.resolve("kafka")).start();
    dashboard = new RunningDashboard(broker, "");
    chromium = new HeadlessChromium(tmp.resolve("profile"));
    page = new DashboardPage(chromium.driver, dashboard.url(""), WAIT);
  }

  @AfterAll
  static void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (dashboard != null) {
      dashboard.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aJobIsWatchedLayerByLayerWithSliderHoverSearchAndAnalyses() throws Exception {
    page.open();
    chromium.screenshot("01-dashboard-empty");
    RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), 5, "browser", "exp-1");
    dashboard.publish(job.job);
    dashboard.publish(job.status(StatusEvent.ACCEPTED, 0));
    page.row(job.jobId).click();
    page.waitFor(d -> d.findElements(By.cssSelector("[data-testid=patch]")).size() == 576,
        "576 patches");

    for (int l = 0; l < 5; l++) {
      dashboard.publish(job.layer(l));
      dashboard.publish(job.status(StatusEvent.RUNNING, l + 1));
      String expectedCount = (l + 1) + " / 5";
      List<String> expected = job.top1(l);
      page.waitFor(d -> page.text("layer-count").equals(expectedCount)
          && page.shownTop1().equals(expected),
          "layer " + l + " painted");
      assertEquals(String.valueOf(l), page.byTestId("layer-slider").getDomProperty("value"));
      if (l == 2) {
        chromium.screenshot("02-layers-arriving");
      }
    }
    page.waitFor(d -> page.row(job.jobId).getText().contains("layers 5 / 5"), "row progress");

    WebElement slider = page.byTestId("layer-slider");
    slider.sendKeys(Keys.HOME);
    page.waitFor(d -> page.shownTop1().equals(job.top1(0)), "slider to layer 0");
    slider.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    page.waitFor(d -> page.shownTop1().equals(job.top1(2)), "slider to layer 2");
    assertEquals("2", slider.getDomProperty("value"));

    int cell = 300;
    WebElement patch = page.driver().findElements(By.cssSelector("[data-testid=patch]")).get(cell);
    new Actions(page.driver()).moveToElement(patch).perform();
    List<String> topk = job.topk(2, cell);
    page.waitFor(d -> d.findElements(By.cssSelector("[data-testid=patch-topk] tr")).size() == 5,
        "the hovered patch's top-k");
    List<WebElement> rows =
        page.driver().findElements(By.cssSelector("[data-testid=patch-topk] tr"));
    for (int k = 0; k < 5; k++) {
      assertEquals(display(topk.get(k)), rows.get(k).findElements(By.tagName("td")).get(0).getText());
    }
    assertTrue(page.driver().findElement(By.cssSelector("#patch-sparkline svg")).isDisplayed());
    chromium.screenshot("03-hover-patch");

    String word = display(job.top1(2).get(cell));
    page.byTestId("word-search").sendKeys(word);
    int expectedHits = hits(job, 2, word);
    page.waitFor(
        d -> d.findElements(By.cssSelector("[data-testid=patch].hit")).size() == expectedHits,
        expectedHits + " patches lit for '" + word + "'");
    assertTrue(expectedHits > 0);
    chromium.screenshot("04-word-search");

    page.byTestId("play").click();
    page.waitFor(d -> "4".equals(slider.getDomProperty("value"))
        && page.shownTop1().equals(job.top1(4)),
        "play runs to the last layer");
    assertEquals(5, page.driver().findElements(By.cssSelector("#last-topk tr")).size());

    for (Event e : job.tail()) {
      dashboard.publish(e);
    }
    page.awaitState(job.jobId, "completed");
    page.waitFor(d -> d.findElement(By.id("ablation-panel")).isDisplayed()
        && d.findElement(By.id("knockout-panel")).isDisplayed(), "analyses shown");
    assertEquals(2, page.driver().findElements(By.cssSelector("#ablation-bars .bar-row")).size());
    assertEquals(3,
        page.driver().findElements(By.cssSelector("#knockout-heatmap .heat-cell")).size());
    new org.openqa.selenium.support.ui.Select(
        page.driver().findElement(By.id("ablation-condition")))
        .selectByVisibleText("object_b1");
    page.waitFor(d -> d.findElements(By.cssSelector("[data-testid=patch].ablated")).size() == 4,
        "the ablated patches on the image");
    page.waitFor(d -> d.findElement(By.id("objects-panel")).isDisplayed(), "object class curve");
    assertTrue(page.driver().findElements(By.cssSelector("[data-testid=patch].object")).size() > 0);
    ((JavascriptExecutor) page.driver()).executeScript(
        "document.getElementById('job-view').scrollTo(0, 0)");
    chromium.screenshot("05-completed-with-analyses");
    ((JavascriptExecutor) page.driver()).executeScript(
        "document.getElementById('ablation-panel').scrollIntoView()");
    chromium.screenshot("06-ablation-knockout");
  }

  @Test
  void theLiveFeedReconnectsByItselfAndResumesTheOpenJob() throws Exception {
    page.open();
    RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), 5, "reconnect", null);
    dashboard.publish(job.job);
    dashboard.publish(job.layer(0));
    page.row(job.jobId).click();
    page.waitFor(d -> page.shownTop1().equals(job.top1(0)), "layer 0");
    ((JavascriptExecutor) page.driver()).executeScript("window.lenscast.connection.socket.close()");
    page.waitFor(d -> "live".equals(d.findElement(By.id("conn")).getText())
        && !d.findElement(By.id("banner")).isDisplayed(), "reconnected");
    dashboard.publish(job.layer(1));
    page.waitFor(d -> page.shownTop1().equals(job.top1(1))
        && page.text("layer-count").equals("2 / 5"),
        "a layer published after the reconnect is painted");
  }

  @Test
  void experimentAggregatesAreTabulatedPlottedAndDownloadable() throws Exception {
    page.open();
    dashboard.publishRaw(dashboard.config.kafka().topics().aggregates(), "exp-7/", """
        {"schema": "lenscast.aggregate", "version": 1, "experiment": "exp-7", "jobs": 12,
         "rows": [{"kind": "ablation", "condition": "object_b1", "task": "polling",
                   "accuracy": 0.42, "accuracyLo": 0.31, "accuracyHi": 0.55},
                  {"kind": "ablation", "condition": "none", "task": "polling",
                   "accuracy": 0.91, "accuracyLo": 0.85, "accuracyHi": 0.95}]}""");
    page.driver().findElement(By.id("show-experiments")).click();
    page.waitFor(d -> d.findElements(By.cssSelector("#aggregates-table tbody tr")).size() == 2,
        "two aggregate rows");
    assertTrue(page.driver().findElement(By.id("aggregates-table")).getText()
        .contains("object_b1"));
    assertEquals(2, page.driver().findElements(By.cssSelector("#aggregate-plot .whisker")).size());
    assertTrue(page.driver().findElement(By.id("download-csv")).getDomProperty("href")
        .startsWith("blob:"));
    chromium.screenshot("10-experiment-aggregates");
    page.driver().findElement(By.id("close-experiments")).click();
  }

  @Test
  void kafkaBeingDownIsShownAsSuch() throws Exception {
    try (RunningDashboard down = RunningDashboard.withKafkaDown(broker)) {
      page.driver().get(down.url("/"));
      page.waitFor(d -> "Kafka: down".equals(d.findElement(By.id("kafka")).getText()),
          "Kafka down");
      WebElement banner = page.driver().findElement(By.id("banner"));
      assertTrue(banner.getText().startsWith("Kafka is not reachable"), banner.getText());
      chromium.screenshot("11-kafka-down");
    }
  }

  @Test
  void aFailedJobShowsItsReason() throws Exception {
    page.open();
    RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), 5, "broken", null);
    dashboard.publish(job.job);
    dashboard.publish(job.failed("bad_image", "cannot decode the image: truncated PNG data"));
    WebElement row = page.row(job.jobId);
    page.awaitState(job.jobId, "failed");
    row.click();
    WebElement error = page.waitFor(d -> {
      WebElement e = d.findElement(By.cssSelector("[data-testid=job-error]"));
      return e.isDisplayed() ? e : null;
    }, "the failure reason");
    assertTrue(error.getText().contains("truncated PNG data"), error.getText());
    assertTrue(error.getText().contains("bad_image"), error.getText());
    chromium.screenshot("07-failed-job");
  }

  @Test
  void aJobWithoutTheLensCountsItsRunsAndSaysItHasNoLayers() throws Exception {
    page.open();
    RecordedJob recorded = new RecordedJob(UUID.randomUUID().toString(), 5, "no-lens", null);
    JobEvent j = recorded.job;
    JobEvent.Analyses a = j.analyses();
    dashboard.publish(new JobEvent(j.schema(), j.version(), j.jobId(), j.image(), j.prompt(),
        j.task(), j.className(), j.question(), j.objects(),
        new JobEvent.Analyses(null, a.ablation(), a.knockout(), null), j.model(),
        j.experiment(), j.tag(), j.submittedAtMs()));
    dashboard.publish(StatusEvent.of(j.jobId(), StatusEvent.RUNNING,
        new StatusEvent.Progress(2, 6), null, "test"));
    WebElement row = page.row(j.jobId());
    page.waitFor(d -> row.getText().contains("runs 2 / 6"), "the row counting runs");
    row.click();
    page.waitFor(d -> page.text("layer-count").startsWith("none"), "no layers, said so");
    assertTrue(page.text("layer-count").contains("did not ask for the logit lens"));
  }

  @Test
  void aJobSubmittedThroughTheFormRunsToCompletion() throws Exception {
    page.open();
    try (TopicCollector jobs = new TopicCollector(broker.bootstrap(),
        List.of(dashboard.topics.jobs()))) {
      page.startSubmit(RecordedJob.IMAGE);
      page.byTestId("submit-object").sendKeys("circle");
      page.byTestId("submit-bbox").sendKeys("62,70,141,139");
      page.byTestId("submit-tag").sendKeys("from-form");
      chromium.screenshot("08-submit-form");
      page.send();

      String jobId = new String(jobs.until(l -> !l.isEmpty(), WAIT, "the submitted job").get(0)
          .key());
      // the worker's part, replayed from the recording for this job id
      RecordedJob run = new RecordedJob(jobId, 5, "from-form", null);
      dashboard.publish(run.status(StatusEvent.ACCEPTED, 0));
      for (int l = 0; l < 5; l++) {
        dashboard.publish(run.layer(l));
        dashboard.publish(run.status(StatusEvent.RUNNING, l + 1));
      }
      run.tail().forEach(dashboard::publish);

      page.awaitState(jobId, "completed");
      page.waitFor(d -> d.getCurrentUrl().endsWith("#job=" + jobId), "the form opened the job");
      page.waitFor(d -> page.shownTop1().equals(run.top1(4))
          && page.text("layer-count").equals("5 / 5"),
          "its last layer painted");
      page.waitFor(d -> d.findElement(By.cssSelector("img.crop")).isDisplayed(), "its crop shown");
      chromium.screenshot("09-submitted-job-completed");
    }
  }

  private static String display(String token) {
    String t = token.replace('▁', ' ').trim();
    return t.isEmpty() ? "␣" : t;
  }

  private static int hits(RecordedJob job, int layer, String word) {
    Set<Integer> cells = new TreeSet<>();
    for (int c = 0; c < 576; c++) {
      for (String t : job.topk(layer, c)) {
        if (display(t).toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT))) {
          cells.add(c);
        }
      }
    }
    return cells.size();
  }
}
