package io.lenscast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.events.AblationEvent;
import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.TopK;
import io.lenscast.io.Npy;
import io.lenscast.schema.EventSchemas;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lenscast analyze} with the paper's analyses on the fixture model: the golden proof
 * (mean ablation of the centre 8x8 cells with the recorded mean vector, knockout image -> last
 * in layers 1-2, both matching transformers' last-position logits to 1e-4 relative over the
 * top 100), and object conditions with a generating task; every event valid against its
 * schema.
 */
class AnalyzeAnalysesTest {
  private static final Path FIXTURES = Path.of("../shared/fixtures");
  private static final String MODEL = FIXTURES.resolve("tiny-llava-a").toString();
  private static final String IMG0 = FIXTURES.resolve("images/img0_shapes_500x375.png")
      .toString();
  private static final String P0 = "USER: <image>\nWhat is shown in this image? ASSISTANT:";
  private static final String CELLS = "cells:200-207,224-231,248-255,272-279,296-303,320-327,"
      + "344-351,368-375";

  @TempDir
  Path tmp;

  @Test
  void goldenMeanAblationAndKnockoutMatchTransformers() throws Exception {
    Path out = tmp.resolve("events.jsonl");
    int code = Main.run(new String[] {"analyze", "--model", MODEL, "--image", IMG0, "--prompt",
        P0, "--top-k", "100", "--ablate", CELLS, "--mean-vector",
        FIXTURES.resolve("golden/tiny-llava-a__img0__p0__ablation_mean_vector.npy").toString(),
        "--knockout", "image->last", "--layers", "1-2", "--out", out.toString()});
    assertEquals(0, code);
    List<Event> events = read(out);
    AblationEvent a = only(events, AblationEvent.class);
    KnockoutEvent k = only(events, KnockoutEvent.class);
    assertEquals(64, a.positions().length);
    assertEquals(64, a.meanVectorSha256().length());
    assertEquals(List.of(1, 2), List.of(k.layers()[0], k.layers()[1]));
    assertEquals(576, k.blockedKeys());
    assertMatches(a.ablated().topk(), "ablation_logits_last");
    assertMatches(k.knocked().topk(), "knockout_logits_last");
    assertMatches(a.baseline().topk(), "logits_last");
  }

  @Test
  void objectConditionsOnAPollingTaskCarryPositionsSeedAndBothScorings() throws Exception {
    Path out = tmp.resolve("events.jsonl");
    int code = Main.run(new String[] {"analyze", "--model", MODEL, "--image", IMG0, "--task",
        "polling", "--class", "circle", "--object", "circle", "--bbox", "100,80,60,60",
        "--ablate", "object_b0", "--ablate", "object_b1", "--ablate", "random_5", "--ablate",
        "register", "--generate", "2", "--out", out.toString()});
    assertEquals(0, code);
    List<AblationEvent> ablations = read(out).stream().filter(AblationEvent.class::isInstance)
        .map(AblationEvent.class::cast).toList();
    assertEquals(List.of("object_b0", "object_b1", "random_5", "register"),
        ablations.stream().map(AblationEvent::condition).toList());
    AblationEvent b0 = ablations.get(0);
    AblationEvent b1 = ablations.get(1);
    assertTrue(b1.positions().length > b0.positions().length);
    assertEquals("polling", b0.task());
    assertEquals("image-mean", b0.replacement());
    assertNotNull(b0.ablated().correct());
    assertNotNull(b0.ablated().correctReference());
    assertEquals(2, ((List<?>) b0.ablated().answerId()).size());
    assertEquals(0L, ablations.get(2).seed());
    assertEquals(5, ablations.get(2).positions().length);
  }

  @Test
  void anObjectConditionWithoutAnObjectIsABadRequest() {
    assertEquals(2, Main.run(new String[] {"analyze", "--model", MODEL, "--image", IMG0,
        "--prompt", P0, "--ablate", "object_b1", "--out", tmp.resolve("x.jsonl").toString()}));
    assertEquals(2, Main.run(new String[] {"analyze", "--model", MODEL, "--image", IMG0,
        "--prompt", P0, "--knockout", "image->last", "--layers", "2-9", "--out",
        tmp.resolve("y.jsonl").toString()}));
  }

  private static List<Event> read(Path out) throws Exception {
    List<Event> events = new ArrayList<>();
    EventSchemas schemas = new EventSchemas();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      assertEquals(List.of(), schemas.problems(new JsonObject(line)),
          line.substring(0, Math.min(120, line.length())));
      events.add(EventCodec.parse(line));
    }
    return events;
  }

  private static <T> T only(List<Event> events, Class<T> type) {
    List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
    assertEquals(1, found.size(), type.getSimpleName());
    return found.get(0);
  }

  private static void assertMatches(TopK topk, String golden) throws Exception {
    float[] logits = Npy.read(FIXTURES.resolve("golden/tiny-llava-a__img0__p0__" + golden
        + ".npy")).toFloats();
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    for (float l : logits) {
      sum += Math.exp(l - max);
    }
    assertEquals(100, topk.ids().length);
    for (int j = 0; j < 100; j++) {
      double expected = Math.exp(logits[topk.ids()[j]] - max) / sum;
      assertTrue(Math.abs(topk.probs()[j] - expected) / expected < 1e-4,
          golden + " rank " + j + ": " + topk.probs()[j] + " vs " + expected);
    }
  }
}
