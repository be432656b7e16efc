package io.lenscast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.ResultEvent;
import io.lenscast.io.Npy;
import io.lenscast.schema.EventSchemas;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lenscast analyze} end to end on the fixture model, and its exit codes. */
class AnalyzeCommandTest {
  private static final Path FIXTURES = Path.of("../shared/fixtures");
  private static final String MODEL = FIXTURES.resolve("tiny-llava-a").toString();
  private static final String IMG0 = FIXTURES.resolve("images/img0_shapes_500x375.png").toString();
  private static final String P0 = "USER: <image>\nWhat is shown in this image? ASSISTANT:";

  @TempDir
  Path tmp;

  @Test
  void writesOneLayerEventPerLayerThenTheResultWithTheGoldenLensTop5() throws Exception {
    Path out = tmp.resolve("events.jsonl");
    int code = Main.run(new String[] {"analyze", "--model", MODEL, "--image", IMG0,
        "--prompt", P0, "--out", out.toString()});
    assertEquals(0, code);
    List<Event> events = new ArrayList<>();
    EventSchemas schemas = new EventSchemas();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      assertEquals(List.of(), schemas.problems(new JsonObject(line)), line.substring(0, 80));
      events.add(EventCodec.parse(line));
    }
    assertEquals(6, events.size());
    int[] golden = Npy.read(FIXTURES.resolve("golden/tiny-llava-a__img0__p0__lens_top5_ids.npy"))
        .toInts();
    for (int l = 0; l < 5; l++) {
      LayerEvent e = assertInstanceOf(LayerEvent.class, events.get(l));
      assertEquals(l, e.layer());
      for (int row = 0; row < 577; row++) {
        assertArrayEquals(Arrays.copyOfRange(golden, (l * 577 + row) * 5, (l * 577 + row) * 5 + 5),
            e.topk().ids()[row], "layer " + l + " row " + row);
      }
    }
    ResultEvent result = assertInstanceOf(ResultEvent.class, events.get(5));
    assertEquals(5, result.imageStart());
    assertEquals(20, result.inputIds().length);
  }

  @Test
  void writesJsonlToStdoutForATaskWithTopKAndGeneration() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream stdout = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    int code = new AnalyzeCommand(stdout).run(List.of("--model", MODEL, "--image", IMG0,
        "--task", "polling", "--class", "circle", "--top-k", "3", "--generate", "4"));
    assertEquals(0, code);
    String[] lines = buffer.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(6, lines.length);
    LayerEvent first = (LayerEvent) EventCodec.parse(lines[0]);
    assertEquals(3, first.topk().ids()[0].length);
    assertTrue(lines[0].contains("\"schema\":\"lenscast.layer\""));
    for (String line : lines) {
      assertEquals(List.of(), new EventSchemas().problems(new JsonObject(line)));
    }
    ResultEvent result = (ResultEvent) EventCodec.parse(lines[5]);
    assertEquals(4, result.generated().ids().length);
  }

  @Test
  void exitsTwoWithOneLineForBadUsageAndBadInput() throws Exception {
    Path notModel = Files.createDirectories(tmp.resolve("not-a-model"));
    Files.writeString(notModel.resolve("config.json"), "{\"model_type\": \"bert\"}");
    Path corrupt = tmp.resolve("corrupt.png");
    Files.write(corrupt, Arrays.copyOf(Files.readAllBytes(Path.of(IMG0)), 64));
    List<String[]> cases = List.of(
        new String[] {"analyze"},
        new String[] {"analyze", "--image", IMG0, "--prompt", P0},
        new String[] {"analyze", "--model", MODEL, "--image", "missing.png", "--prompt", P0},
        new String[] {"analyze", "--model", MODEL, "--image", IMG0, "--prompt", "no marker"},
        new String[] {"analyze", "--model", MODEL, "--image", IMG0, "--prompt", "<image><image>"},
        new String[] {"analyze", "--model", MODEL, "--image", IMG0, "--prompt", P0, "--task",
            "describe"},
        new String[] {"analyze", "--model", MODEL, "--image", IMG0, "--task", "polling"},
        new String[] {"analyze", "--model", MODEL, "--image", IMG0, "--prompt", P0, "--top-k",
            "zero"},
        new String[] {"analyze", "--model", MODEL, "--image", IMG0, "--prompt", P0, "--bogus"},
        new String[] {"analyze", "--model", notModel.toString(), "--image", IMG0, "--prompt", P0},
        new String[] {"analyze", "--model", tmp.toString(), "--image", IMG0, "--prompt", P0},
        new String[] {"analyze", "--model", MODEL, "--image", corrupt.toString(), "--prompt", P0});
    PrintStream err = System.err;
    try {
      for (String[] argv : cases) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int code = Main.run(argv);
        String stderr = buffer.toString(StandardCharsets.UTF_8).strip();
        assertEquals(2, code, String.join(" ", argv) + " -> " + stderr);
        assertFalse(stderr.isEmpty(), String.join(" ", argv));
        assertFalse(stderr.contains("\n"), stderr);
        assertTrue(stderr.startsWith("lenscast analyze: ") || argv.length == 1, stderr);
      }
    } finally {
      System.setErr(err);
    }
  }
}
