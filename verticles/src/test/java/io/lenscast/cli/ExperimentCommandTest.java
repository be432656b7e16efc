package io.lenscast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end experiments on a drawn COCO-format set with the tiny fixture model. */
class ExperimentCommandTest {
  private static final String MODEL = Path.of("../shared/fixtures/tiny-llava-a").toString();

  @Test
  void ablationExperimentRecordsEveryImageAndPrintsTheTable(@TempDir Path dir)
      throws Exception {
    SyntheticCoco.write(dir);
    Path out = dir.resolve("out");
    Result r = run(List.of("--model", MODEL, "--coco", dir.resolve("instances.json").toString(),
        "--images", dir.resolve("images").toString(), "--experiment", "ablation", "--out",
        out.toString(), "--conditions", "object_b1,random_5", "--max-new-tokens", "2",
        "--no-context-control", "--device", "cpu"));
    assertEquals(0, r.code, r.err);
    List<JsonNode> records = records(out);
    assertEquals(3, records.size());
    JsonNode cut = records.stream().filter(n -> n.path("key").asText().equals("3")).findFirst()
        .orElseThrow();
    assertEquals("skipped", cut.path("status").asText());
    assertTrue(cut.path("reason").asText().contains("outside the model's center crop"),
        cut.toString());
    JsonNode done = records.get(0);
    assertEquals("done", done.path("status").asText());
    assertEquals(4, done.path("ablations").size());
    assertEquals("describe", done.path("ablations").get(0).path("task").asText());
    assertTrue(r.out.contains("object_b1") && r.out.contains("random_5"), r.out);
    assertTrue(r.out.contains("ablation experiment: 3 items, 2 done, 1 skipped"), r.out);
  }

  @Test
  void lensExperimentQuantifiesTheObjectPatches(@TempDir Path dir) throws Exception {
    SyntheticCoco.write(dir);
    Path out = dir.resolve("out");
    Result r = run(List.of("--model", MODEL, "--coco", dir.resolve("instances.json").toString(),
        "--images", dir.resolve("images").toString(), "--experiment", "lens", "--out",
        out.toString(), "--limit", "1", "--device", "cpu"));
    assertEquals(0, r.code, r.err);
    List<JsonNode> records = records(out);
    assertEquals(1, records.size());
    assertEquals(5, records.get(0).path("lens").path("strict").size());
    assertTrue(r.out.contains("lens layers 5"), r.out);
  }

  @Test
  void knockoutExperimentResumesAfterBeingKilled(@TempDir Path dir) throws Exception {
    SyntheticCoco.write(dir);
    Path out = dir.resolve("out");
    List<String> args = List.of("experiment", "--model", MODEL, "--coco",
        dir.resolve("instances.json").toString(), "--images", dir.resolve("images").toString(),
        "--experiment", "knockout", "--questions", dir.resolve("questions.json").toString(),
        "--edge-sets", "image->last", "--windows", "1-2", "--out", out.toString(), "--device",
        "cpu");
    Process first = start(args, dir.resolve("first.log"));
    Path results = out.resolve("results.jsonl");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (lines(results) < 1 && first.isAlive() && Instant.now().isBefore(deadline)) {
      first.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    first.destroyForcibly().waitFor();
    int before = lines(results);
    assertTrue(before >= 1, Files.readString(dir.resolve("first.log")));
    Process second = start(args, dir.resolve("second.log"));
    assertTrue(second.waitFor(5, java.util.concurrent.TimeUnit.MINUTES));
    String log = Files.readString(dir.resolve("second.log"));
    assertEquals(0, second.exitValue(), log);
    if (before < 3) {
      assertTrue(log.contains("resuming: " + before + " images already"), log);
    }
    List<JsonNode> records = records(out);
    assertEquals(3, records.size());
    Set<String> keys = new HashSet<>();
    records.forEach(n -> keys.add(n.path("key").asText()));
    assertEquals(Set.of("1", "2", "3"), keys);
    assertTrue(log.contains("image->last"), log);
  }

  private static Process start(List<String> args, Path log) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-Dai.djl.offline=true", "-cp",
        System.getProperty("java.class.path"), "io.lenscast.cli.Main"));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("DJL_OFFLINE", "true");
    return pb.start();
  }

  private static int lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    String s = Files.readString(file);
    return (int) s.chars().filter(c -> c == '\n').count();
  }

  private static List<JsonNode> records(Path out) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("results.jsonl"))) {
      nodes.add(new ObjectMapper().readTree(line));
    }
    return nodes;
  }

  private record Result(int code, String out, String err) {}

  private static Result run(List<String> args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new ExperimentCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
