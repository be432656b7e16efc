package io.lenscast.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the web UI's own tests of its pure view logic (grid mapping, colour scales, event
 * aggregation, CSV) with Node's built-in test runner, so {@code mvn test} covers them.
 */
class WebUiViewLogicTest {
  private static final Path WEB_UI = Path.of("..", "web-ui");

  @Test
  void nodeTestsOfTheViewLogicPass() throws IOException, InterruptedException {
    assertTrue(Files.isDirectory(WEB_UI.resolve("test")), "web-ui/test is missing");
    Process node = new ProcessBuilder("node", "--test", "--test-reporter=tap", "test/")
        .directory(WEB_UI.toFile())
        .redirectErrorStream(true)
        .start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node --test did not finish");
    assertEquals(0, node.exitValue(), "node --test failed:\n" + output);
    assertTrue(output.contains("# fail 0"), output);
    assertTrue(!output.contains("# pass 0"), "no UI test ran:\n" + output);
  }
}
