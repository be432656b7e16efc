package io.lenscast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.events.EventCodec;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.LayerTopK;
import io.lenscast.events.ResultEvent;
import io.lenscast.events.Schemas;
import io.lenscast.events.StatusEvent;
import io.lenscast.events.TopK;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class LoadRunTest {
  private static ConsumerRecord<String, byte[]> record(String topic, Object event, String key) {
    return new ConsumerRecord<>(topic, 0, 0, key, EventCodec.toBytes(event));
  }

  @Test
  void latencyFirstLayerAndOverheadComeFromArrivalTimesAndResultTimings() {
    LoadRun run = new LoadRun();
    long ms = 1_000_000;
    run.published("j", 0);
    run.observe(record("l", LayerEvent.of("j", 0, 2, 1, new int[] {1, 1}, new int[] {1},
        new LayerTopK(new int[][] {{1}}, new String[][] {{"a"}}, new float[][] {{1f}})), "j"),
        30 * ms);
    run.observe(record("r", new ResultEvent(Schemas.RESULT, 1, "j", null, new int[] {1}, 0,
        new TopK(new int[] {1}, new float[] {1f}), null, Map.of("total", 90.0), null), "j"),
        95 * ms);
    assertFalse(run.done() == 1);
    assertTrue(run.observe(record("s", StatusEvent.of("j", StatusEvent.COMPLETED, null, null,
        "w"), "j"), 100 * ms));
    String summary = run.summary();
    assertTrue(summary.contains("end-to-end latency ms: p50 100.0"), summary);
    assertTrue(summary.contains("time to first layer ms: p50 30.0"), summary);
    assertTrue(summary.contains("platform overhead ms (latency - engine): p50 10.0"), summary);
    assertTrue(summary.contains("= 11.1% of the engine's p50"), summary);
  }

  @Test
  void percentileIsNearestRank() {
    List<Double> v = List.of(5.0, 1.0, 3.0, 2.0, 4.0);
    assertEquals(3.0, LoadRun.pct(v, 50));
    assertEquals(5.0, LoadRun.pct(v, 95));
  }

  @Test
  void engineTimeIsTheTotalStageElseTheSum() {
    assertEquals(7.0, LoadRun.engineMs(Map.of("total", 7.0, "model", 5.0)));
    assertEquals(8.0, LoadRun.engineMs(Map.of("a", 3.0, "b", 5.0)));
  }
}
