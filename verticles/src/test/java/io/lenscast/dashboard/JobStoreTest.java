package io.lenscast.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.events.EventCodec;
import io.lenscast.events.JobEvent;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.LayerTopK;
import io.lenscast.events.Schemas;
import io.lenscast.events.StatusEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobStoreTest {
  private final JobStore store = new JobStore(3, Long.MAX_VALUE, () -> 42L);

  private static JobEvent job(String id) {
    return new JobEvent(Schemas.JOB, 1, id, new JobEvent.ImageRef("aGVsbG8=", null, "x.png"),
        "USER: <image>\nHi ASSISTANT:", null, null, null, null, null, null, "exp", "tag", 1L);
  }

  private static LayerEvent layer(String id, int l) {
    return LayerEvent.of(id, l, 5, 5, new int[] {24, 24}, new int[] {5},
        new LayerTopK(new int[][] {{1}}, new String[][] {{"▁a"}}, new float[][] {{0.5f}}));
  }

  private static StatusEvent status(String id, String state, int done) {
    return StatusEvent.of(id, state, new StatusEvent.Progress(done, 5), null, "w");
  }

  private void record(Object event) {
    store.record((io.lenscast.events.Event) event, EventCodec.toJson(event));
  }

  @Test
  void aRedeliveredLayerIsStoredOnce() {
    assertTrue(store.record(layer("a", 0), EventCodec.toJson(layer("a", 0))).isPresent());
    assertTrue(store.record(layer("a", 0), EventCodec.toJson(layer("a", 0))).isEmpty());
    assertEquals(1, store.job("a").orElseThrow().events().size());
  }

  @Test
  void replayOrderIsJobThenLayersByIndexThenStatus() {
    record(status("a", StatusEvent.RUNNING, 2));
    record(layer("a", 1));
    record(layer("a", 0));
    record(job("a"));
    List<String> events = store.job("a").orElseThrow().events();
    assertEquals(4, events.size());
    assertTrue(events.get(0).contains("\"lenscast.job\""));
    assertTrue(events.get(1).contains("\"layer\":0"));
    assertTrue(events.get(2).contains("\"layer\":1"));
    assertTrue(events.get(3).contains("\"lenscast.status\""));
  }

  @Test
  void theStoredJobKeepsNoImageBytes() {
    record(job("a"));
    String json = store.job("a").orElseThrow().events().get(0);
    assertFalse(json.contains("aGVsbG8="));
    assertTrue(json.contains("x.png"));
  }

  @Test
  void aFinishedJobStaysFinishedWhenAnOldRunningStatusIsRedelivered() {
    record(status("a", StatusEvent.COMPLETED, 5));
    assertTrue(store.record(status("a", StatusEvent.RUNNING, 1),
        EventCodec.toJson(status("a", StatusEvent.RUNNING, 1))).isEmpty());
    assertEquals(StatusEvent.COMPLETED, store.job("a").orElseThrow().summary().state());
  }

  @Test
  void theSummaryShowsProgressTagsAndTheFailureReason() {
    record(job("a"));
    assertEquals(JobSummary.SUBMITTED, store.job("a").orElseThrow().summary().state());
    record(layer("a", 0));
    record(layer("a", 1));
    JobSummary s = store.job("a").orElseThrow().summary();
    assertEquals(2, s.layersDone());
    assertEquals(5, s.layersTotal());
    assertEquals("exp", s.experiment());
    assertEquals("tag", s.tag());
    record(StatusEvent.of("a", StatusEvent.FAILED, null,
        new StatusEvent.Error("bad_image", "cannot decode"), "w"));
    s = store.job("a").orElseThrow().summary();
    assertEquals("failed", s.state());
    assertEquals("cannot decode", s.errorMessage());
  }

  @Test
  void theSummarySaysWhetherTheJobGetsTheLens() {
    assertNull(store.recordLayer(new LayerHeader("z", 0, 5), "{}").orElseThrow().summary()
        .lens(), "unknown before the job event");
    record(job("a"));
    assertTrue(store.job("a").orElseThrow().summary().lens(), "no analyses: a lens job");
    JobEvent j = job("b");
    record(new JobEvent(j.schema(), j.version(), "b", j.image(), j.prompt(), null, null, null,
        null, new JobEvent.Analyses(null, null, null, new JobEvent.Generate(4)), null, null,
        null, 1L));
    assertFalse(store.job("b").orElseThrow().summary().lens(), "generation only: no lens");
  }

  @Test
  void theOldestJobsAreEvictedWhenTheStoredEventsExceedTheMemoryBound() {
    String layerJson = EventCodec.toJson(layer("x", 0));
    long perLayer = 2L * layerJson.length();
    JobStore small = new JobStore(100, 5 * perLayer, () -> 42L);
    for (String id : List.of("a", "b", "c")) {
      for (int l = 0; l < 2; l++) {
        small.recordLayer(new LayerHeader(id, l, 5), EventCodec.toJson(layer(id, l)));
      }
    }
    assertTrue(small.job("a").isEmpty(), "the oldest job went first");
    assertTrue(small.job("b").isPresent() && small.job("c").isPresent());
    assertTrue(small.storedBytes() <= 5 * perLayer, small.storedBytes() + " bytes kept");
    for (int l = 0; l < 5; l++) {
      small.recordLayer(new LayerHeader("d", l, 5), EventCodec.toJson(layer("d", l)));
    }
    assertEquals(List.of("d"), small.summaries().stream().map(JobSummary::jobId).toList(),
        "the job being updated stays, even alone over the bound");
    assertEquals(5, small.job("d").orElseThrow().summary().layersDone());
    assertEquals(small.job("d").orElseThrow().storedBytes(), small.storedBytes());
  }

  @Test
  void theOldestJobsAreEvictedBeyondTheBound() {
    for (String id : List.of("a", "b", "c", "d")) {
      record(job(id));
    }
    assertTrue(store.job("a").isEmpty());
    assertEquals(List.of("d", "c", "b"),
        store.summaries().stream().map(JobSummary::jobId).toList());
  }

  @Test
  void eventsWithoutAJobIdAreIgnored() {
    assertTrue(store.record(layer(null, 0), "{}").isEmpty());
    assertNull(store.job("").orElse(null));
  }
}
