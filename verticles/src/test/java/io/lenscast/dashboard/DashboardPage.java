package io.lenscast.dashboard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page as the browser tests see it (a page object): opening it live, waiting with
 * a deadline, finding a job's row, reading the words painted on the patches, and submitting an
 * image through the form. The selectors live here once, so a markup change is fixed in one
 * place for every browser test.
 */
final class DashboardPage {
  private final WebDriver driver;
  private final String baseUrl;
  private final Duration wait;

  /**
   * @param baseUrl the dashboard's {@code http://host:port}, without a trailing slash
   * @param wait how long every wait may take before the test fails
   */
  DashboardPage(WebDriver driver, String baseUrl, Duration wait) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.wait = wait;
  }

  WebDriver driver() {
    return driver;
  }

  /** Loads the dashboard and waits until its live feed is connected. */
  void open() {
    driver.get(baseUrl + "/");
    waitFor(d -> "live".equals(d.findElement(By.id("conn")).getText()), "live connection");
  }

  /** Polls {@code condition} until it is non-null and not false; fails naming {@code what}. */
  <T> T waitFor(Function<WebDriver, T> condition, String what) {
    return new WebDriverWait(driver, wait).withMessage(what).until(condition);
  }

  /** The job list's row of {@code jobId}, waiting for it to appear. */
  WebElement row(String jobId) {
    return waitFor(d -> d.findElement(
        By.cssSelector("[data-testid=job-row][data-job-id='" + jobId + "']")), "row " + jobId);
  }

  /** Waits until the row of {@code jobId} is in {@code state} (completed, failed, ...). */
  void awaitState(String jobId, String state) {
    waitFor(d -> state.equals(row(jobId).getDomAttribute("data-state")), state + " " + jobId);
  }

  /** The top-1 word painted on each visual patch, in patch order. */
  @SuppressWarnings("unchecked")
  List<String> shownTop1() {
    return (List<String>) ((JavascriptExecutor) driver).executeScript(
        "return [...document.querySelectorAll('[data-testid=patch]')].map(p => p.dataset.top1);");
  }

  /** The text of the element marked {@code data-testid=testId}. */
  String text(String testId) {
    return byTestId(testId).getText();
  }

  WebElement byTestId(String testId) {
    return driver.findElement(By.cssSelector("[data-testid=" + testId + "]"));
  }

  /** Opens the submit form and chooses {@code image}; fill other fields, then {@link #send}. */
  void startSubmit(Path image) throws java.io.IOException {
    byTestId("open-submit").click();
    byTestId("submit-image").sendKeys(image.toRealPath().toString());
  }

  /** Sends the submit form. */
  void send() {
    byTestId("submit-send").click();
  }

  /** The job id the dashboard opened after a submission ({@code #job=ID} in the URL). */
  String submittedJobId() {
    waitFor(d -> d.getCurrentUrl().contains("#job="), "the form opened its job");
    return driver.getCurrentUrl().replaceAll(".*#job=", "");
  }
}
