package io.lenscast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./lenscast bench} through the CLI's own dispatch: on the fixture model with
 * {@code --json} it prints exactly one JSON object with every reported field (values are not
 * checked against timing targets), and bad usage exits 2 with a one-line reason.
 */
class BenchCommandTest {
  private static final String TINY = "../shared/fixtures/tiny-llava-a";

  private record Run(int exitCode, String stdout, String stderr) {}

  private static Run run(String... argv) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      rc = Main.run(argv);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return new Run(rc, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void jsonOnTheFixtureModelIsOneObjectWithEveryReportedField() throws Exception {
    Run r = run("bench", "--model", TINY, "--json", "--warmup", "0", "--repeat", "1",
        "--generate", "2", "--device", "cpu");
    assertEquals(0, r.exitCode(), r.stderr());
    List<String> lines = r.stdout().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), "stdout holds one JSON object: " + r.stdout());
    JsonNode json = new ObjectMapper().readTree(lines.get(0));
    for (String field : List.of("stagesMs", "tokensPerSecond", "peakMemoryMb",
        "lensOverheadVsMatmul", "lensOverheadVsForward", "device", "dtype", "lensMatmulMs",
        "forwardMs", "forwardWithLensMs", "generatedTokens", "loadAverageBefore")) {
      assertTrue(json.has(field), "missing " + field + " in " + json);
    }
    assertEquals("cpu", json.get("device").asText());
    assertEquals("float32", json.get("dtype").asText());
    assertEquals(595, json.get("sequenceLength").asInt());
    assertEquals(577, json.get("lensPositions").asInt());
    assertEquals(5, json.get("lensLayers").asInt(), "4 decoder layers + the embeddings");
    JsonNode stages = json.get("stagesMs");
    assertEquals(List.of("preprocess", "vision", "projector", "decoder", "lens", "generate"),
        iterable(stages.fieldNames()));
    stages.forEach(ms -> assertTrue(ms.isNumber() && ms.asDouble() > 0, "stage ms " + ms));
    assertTrue(json.get("peakMemoryMb").asDouble() > 0);
    assertTrue(json.get("lensOverheadVsMatmul").asDouble() > 0);
  }

  @Test
  void tableNamesEveryStageAndTheLensOverheads() {
    Run r = run("bench", "--synthetic", "tiny", "--warmup", "0", "--repeat", "1", "--generate",
        "2", "--device", "cpu");
    assertEquals(0, r.exitCode(), r.stderr());
    for (String text : List.of("preprocess", "vision", "projector", "decoder", "lens",
        "generate", "lensOverheadVsForward", "lensOverheadVsMatmul", "tokens/s",
        "peak memory", "synthetic tiny")) {
      assertTrue(r.stdout().contains(text), "table lacks '" + text + "':\n" + r.stdout());
    }
  }

  @Test
  void badUsageExitsTwoWithOneLine() {
    for (String[] argv : List.of(
        new String[] {"bench", "--synthetic", "huge"},
        new String[] {"bench", "--synthetic", "tiny", "--model", TINY},
        new String[] {"bench", "--model", "no/such/dir"},
        new String[] {"bench", "--repeat", "0"},
        new String[] {"bench", "--image", "no/such.png"})) {
      Run r = run(argv);
      assertEquals(2, r.exitCode(), String.join(" ", argv) + ": " + r.stderr());
      assertEquals(1, r.stderr().lines().count(), r.stderr());
      assertTrue(r.stderr().startsWith("lenscast bench: "), r.stderr());
    }
  }

  private static List<String> iterable(Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
