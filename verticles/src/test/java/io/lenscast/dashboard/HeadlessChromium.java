package io.lenscast.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by its own chromedriver (passed explicitly, nothing downloaded),
 * headless at 1280x800 with a fresh profile; screenshots go to target/screenshots.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  final ChromeDriver driver;
  private final ChromeDriverService service;

  HeadlessChromium(Path profileDir) throws IOException {
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1280,800",
        "--user-data-dir=" + profileDir.toAbsolutePath());
    if (Boolean.getBoolean("bench.trace")) {
      options.setCapability("goog:loggingPrefs", java.util.Map.of("performance", "ALL"));
      options.setExperimentalOption("perfLoggingPrefs", java.util.Map.of("enableNetwork", false,
          "enablePage", false, "traceCategories", "devtools.timeline,blink,cc,toplevel"));
    }
    driver = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  static boolean available() {
    return Files.isExecutable(Path.of("/usr/bin/chromedriver"))
        && Files.isExecutable(Path.of("/usr/bin/chromium"));
  }

  void screenshot(String name) throws IOException {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
    }
  }
}
