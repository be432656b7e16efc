package io.lenscast.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.events.Event;
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
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

  @BeforeAll
  static void start() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(HeadlessChromium.available(),
        "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
    broker = new TestBroker(tmp.resolve("kafka")).start();
    dashboard = new RunningDashboard(broker, "");
    chromium = new HeadlessChromium(tmp.resolve("profile"));
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

  private WebDriver driver() {
    return chromium.driver;
  }

  private <T> T waitFor(Function<WebDriver, T> condition, String what) {
    return new WebDriverWait(driver(), WAIT).withMessage(what).until(condition);
  }

  private WebElement row(String jobId) {
    return waitFor(d -> d.findElement(
        By.cssSelector("[data-testid=job-row][data-job-id='" + jobId + "']")), "row " + jobId);
  }

  @SuppressWarnings("unchecked")
  private List<String> shownTop1() {
    return (List<String>) ((JavascriptExecutor) driver()).executeScript(
        "return [...document.querySelectorAll('[data-testid=patch]')].map(p => p.dataset.top1);");
  }

  private String text(String testId) {
    return driver().findElement(By.cssSelector("[data-testid=" + testId + "]")).getText();
  }

  private void openDashboard() {
    driver().get(dashboard.url("/"));
    waitFor(d -> "live".equals(d.findElement(By.id("conn")).getText()), "live connection");
  }

  @Test
  void aJobIsWatchedLayerByLayerWithSliderHoverSearchAndAnalyses() throws Exception {
    openDashboard();
    chromium.screenshot("01-dashboard-empty");
    RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), 5, "browser", "exp-1");
    dashboard.publish(job.job);
    dashboard.publish(job.status(StatusEvent.ACCEPTED, 0));
    row(job.jobId).click();
    waitFor(d -> d.findElements(By.cssSelector("[data-testid=patch]")).size() == 576,
        "576 patches");

    for (int l = 0; l < 5; l++) {
      dashboard.publish(job.layer(l));
      dashboard.publish(job.status(StatusEvent.RUNNING, l + 1));
      String expectedCount = (l + 1) + " / 5";
      List<String> expected = job.top1(l);
      waitFor(d -> text("layer-count").equals(expectedCount) && shownTop1().equals(expected),
          "layer " + l + " painted");
      assertEquals(String.valueOf(l), driver().findElement(
          By.cssSelector("[data-testid=layer-slider]")).getDomProperty("value"));
      if (l == 2) {
        chromium.screenshot("02-layers-arriving");
      }
    }
    waitFor(d -> row(job.jobId).getText().contains("layers 5 / 5"), "row progress");

    WebElement slider = driver().findElement(By.cssSelector("[data-testid=layer-slider]"));
    slider.sendKeys(Keys.HOME);
    waitFor(d -> shownTop1().equals(job.top1(0)), "slider to layer 0");
    slider.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    waitFor(d -> shownTop1().equals(job.top1(2)), "slider to layer 2");
    assertEquals("2", slider.getDomProperty("value"));

    int cell = 300;
    WebElement patch = driver().findElements(By.cssSelector("[data-testid=patch]")).get(cell);
    new Actions(driver()).moveToElement(patch).perform();
    List<String> topk = job.topk(2, cell);
    waitFor(d -> d.findElements(By.cssSelector("[data-testid=patch-topk] tr")).size() == 5,
        "the hovered patch's top-k");
    List<WebElement> rows = driver().findElements(By.cssSelector("[data-testid=patch-topk] tr"));
    for (int k = 0; k < 5; k++) {
      assertEquals(display(topk.get(k)), rows.get(k).findElements(By.tagName("td")).get(0).getText());
    }
    assertTrue(driver().findElement(By.cssSelector("#patch-sparkline svg")).isDisplayed());
    chromium.screenshot("03-hover-patch");

    String word = display(job.top1(2).get(cell));
    driver().findElement(By.cssSelector("[data-testid=word-search]")).sendKeys(word);
    int expectedHits = hits(job, 2, word);
    waitFor(d -> d.findElements(By.cssSelector("[data-testid=patch].hit")).size() == expectedHits,
        expectedHits + " patches lit for '" + word + "'");
    assertTrue(expectedHits > 0);
    chromium.screenshot("04-word-search");

    driver().findElement(By.cssSelector("[data-testid=play]")).click();
    waitFor(d -> "4".equals(slider.getDomProperty("value")) && shownTop1().equals(job.top1(4)),
        "play runs to the last layer");
    assertEquals(5, driver().findElements(By.cssSelector("#last-topk tr")).size());

    for (Event e : job.tail()) {
      dashboard.publish(e);
    }
    waitFor(d -> "completed".equals(row(job.jobId).getDomAttribute("data-state")), "completed");
    waitFor(d -> d.findElement(By.id("ablation-panel")).isDisplayed()
        && d.findElement(By.id("knockout-panel")).isDisplayed(), "analyses shown");
    assertEquals(2, driver().findElements(By.cssSelector("#ablation-bars .bar-row")).size());
    assertEquals(3, driver().findElements(By.cssSelector("#knockout-heatmap .heat-cell")).size());
    new org.openqa.selenium.support.ui.Select(driver().findElement(By.id("ablation-condition")))
        .selectByVisibleText("object_b1");
    waitFor(d -> d.findElements(By.cssSelector("[data-testid=patch].ablated")).size() == 4,
        "the ablated patches on the image");
    waitFor(d -> d.findElement(By.id("objects-panel")).isDisplayed(), "object class curve");
    assertTrue(driver().findElements(By.cssSelector("[data-testid=patch].object")).size() > 0);
    ((JavascriptExecutor) driver()).executeScript("document.getElementById('job-view').scrollTo(0, 0)");
    chromium.screenshot("05-completed-with-analyses");
    ((JavascriptExecutor) driver()).executeScript(
        "document.getElementById('ablation-panel').scrollIntoView()");
    chromium.screenshot("06-ablation-knockout");
  }

  @Test
  void theLiveFeedReconnectsByItselfAndResumesTheOpenJob() throws Exception {
    openDashboard();
    RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), 5, "reconnect", null);
    dashboard.publish(job.job);
    dashboard.publish(job.layer(0));
    row(job.jobId).click();
    waitFor(d -> shownTop1().equals(job.top1(0)), "layer 0");
    ((JavascriptExecutor) driver()).executeScript("window.lenscast.connection.socket.close()");
    waitFor(d -> "live".equals(d.findElement(By.id("conn")).getText())
        && !d.findElement(By.id("banner")).isDisplayed(), "reconnected");
    dashboard.publish(job.layer(1));
    waitFor(d -> shownTop1().equals(job.top1(1)) && text("layer-count").equals("2 / 5"),
        "a layer published after the reconnect is painted");
  }

  @Test
  void experimentAggregatesAreTabulatedPlottedAndDownloadable() throws Exception {
    openDashboard();
    dashboard.publishRaw(dashboard.config.kafka().topics().aggregates(), "exp-7/", """
        {"schema": "lenscast.aggregate", "version": 1, "experiment": "exp-7", "jobs": 12,
         "rows": [{"kind": "ablation", "condition": "object_b1", "task": "polling",
                   "accuracy": 0.42, "accuracyLo": 0.31, "accuracyHi": 0.55},
                  {"kind": "ablation", "condition": "none", "task": "polling",
                   "accuracy": 0.91, "accuracyLo": 0.85, "accuracyHi": 0.95}]}""");
    driver().findElement(By.id("show-experiments")).click();
    waitFor(d -> d.findElements(By.cssSelector("#aggregates-table tbody tr")).size() == 2,
        "two aggregate rows");
    assertTrue(driver().findElement(By.id("aggregates-table")).getText().contains("object_b1"));
    assertEquals(2, driver().findElements(By.cssSelector("#aggregate-plot .whisker")).size());
    assertTrue(driver().findElement(By.id("download-csv")).getDomProperty("href")
        .startsWith("blob:"));
    chromium.screenshot("10-experiment-aggregates");
    driver().findElement(By.id("close-experiments")).click();
  }

  @Test
  void kafkaBeingDownIsShownAsSuch() throws Exception {
    try (RunningDashboard down = RunningDashboard.withKafkaDown(broker)) {
      driver().get(down.url("/"));
      waitFor(d -> "Kafka: down".equals(d.findElement(By.id("kafka")).getText()), "Kafka down");
      WebElement banner = driver().findElement(By.id("banner"));
      assertTrue(banner.getText().startsWith("Kafka is not reachable"), banner.getText());
      chromium.screenshot("11-kafka-down");
    }
  }

  @Test
  void aFailedJobShowsItsReason() throws Exception {
    openDashboard();
    RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), 5, "broken", null);
    dashboard.publish(job.job);
    dashboard.publish(job.failed("bad_image", "cannot decode the image: truncated PNG data"));
    WebElement row = row(job.jobId);
    waitFor(d -> "failed".equals(row(job.jobId).getDomAttribute("data-state")), "failed row");
    row.click();
    WebElement error = waitFor(d -> {
      WebElement e = d.findElement(By.cssSelector("[data-testid=job-error]"));
      return e.isDisplayed() ? e : null;
    }, "the failure reason");
    assertTrue(error.getText().contains("truncated PNG data"), error.getText());
    assertTrue(error.getText().contains("bad_image"), error.getText());
    chromium.screenshot("07-failed-job");
  }

  @Test
  void aJobSubmittedThroughTheFormRunsToCompletion() throws Exception {
    openDashboard();
    try (TopicCollector jobs = new TopicCollector(broker.bootstrap(),
        List.of(dashboard.topics.jobs()))) {
      driver().findElement(By.cssSelector("[data-testid=open-submit]")).click();
      driver().findElement(By.cssSelector("[data-testid=submit-image]"))
          .sendKeys(RecordedJob.IMAGE.toRealPath().toString());
      driver().findElement(By.cssSelector("[data-testid=submit-object]")).sendKeys("circle");
      driver().findElement(By.cssSelector("[data-testid=submit-bbox]"))
          .sendKeys("62,70,141,139");
      driver().findElement(By.cssSelector("[data-testid=submit-tag]")).sendKeys("from-form");
      chromium.screenshot("08-submit-form");
      driver().findElement(By.cssSelector("[data-testid=submit-send]")).click();

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

      waitFor(d -> "completed".equals(row(jobId).getDomAttribute("data-state")),
          "the submitted job completes");
      waitFor(d -> d.getCurrentUrl().endsWith("#job=" + jobId), "the form opened the job");
      waitFor(d -> shownTop1().equals(run.top1(4)) && text("layer-count").equals("5 / 5"),
          "its last layer painted");
      waitFor(d -> d.findElement(By.cssSelector("img.crop")).isDisplayed(), "its crop shown");
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
