package io.lenscast.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lenscast.events.EventCodec;
import io.lenscast.events.LayerEvent;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The compact layer frame carries the same lens as the event, in far fewer bytes. */
class CompactLayerFrameTest {

  @Test
  void decodesToTheEventsTokensAndProbabilitiesInAThirdOfTheBytes() throws Exception {
    RecordedJob job = new RecordedJob(UUID.randomUUID().toString(), 33, null, null);
    LayerEvent event = job.layer(7);
    String full = EventCodec.toJson(event);
    String compact = CompactLayerFrame.of(full).orElseThrow();
    assertTrue(compact.length() * 2.5 < full.length(),
        "compact " + compact.length() + " B vs full " + full.length() + " B");

    JsonNode c = EventCodec.mapper().readTree(compact);
    assertEquals("layer", c.path("type").asText());
    assertEquals(job.jobId, c.path("jobId").asText());
    assertEquals(7, c.path("layer").asInt());
    assertEquals(33, c.path("numLayers").asInt());
    assertEquals(event.imageStart(), c.path("imageStart").asInt());
    assertEquals(event.emittedAtMs(), c.path("emittedAtMs").asLong());
    assertEquals("[24,24]", c.path("grid").toString());
    assertEquals(event.positions().length, c.path("positions").size());
    int k = c.path("k").asInt();
    double scale = c.path("pScale").asDouble();
    String[][] tokens = event.topk().tokens();
    float[][] probs = event.topk().probs();
    assertEquals(tokens[0].length, k);
    for (int r = 0; r < tokens.length; r++) {
      assertEquals(event.positions()[r], c.path("positions").get(r).asInt());
      for (int j = 0; j < k; j++) {
        int word = c.path("top").get(r * k + j).asInt();
        assertEquals(tokens[r][j], c.path("words").get(word).asText(), "row " + r + " k " + j);
        assertEquals(probs[r][j], c.path("p").get(r * k + j).asDouble() / scale, 0.5 / scale);
      }
    }
  }

  @Test
  void eachDistinctWordIsSentOnce() throws Exception {
    JsonNode c = EventCodec.mapper().readTree(CompactLayerFrame.of(EventCodec.toJson(
        new RecordedJob(UUID.randomUUID().toString(), 5, null, null).layer(1))).orElseThrow());
    java.util.Set<String> words = new java.util.HashSet<>();
    c.path("words").forEach(w -> assertTrue(words.add(w.asText()), "repeated " + w));
  }

  @Test
  void shortRowsAndNullsLeaveGaps() throws Exception {
    String json = "{\"schema\":\"lenscast.layer\",\"version\":1,\"jobId\":\"j\",\"layer\":0,"
        + "\"numLayers\":2,\"positions\":[5,6],\"topk\":{\"ids\":[[1,2],[3]],"
        + "\"tokens\":[[\"a\",null],[\"b\"]],\"probs\":[[0.5,0.25],[0.125]]}}";
    JsonNode c = EventCodec.mapper().readTree(CompactLayerFrame.of(json).orElseThrow());
    assertEquals(2, c.path("k").asInt());
    assertEquals("[0,-1,1,-1]", c.path("top").toString());
    assertEquals("[5000,0,1250,0]", c.path("p").toString());
    assertEquals("[\"a\",\"b\"]", c.path("words").toString());
  }

  @Test
  void whatIsNotALayerEventHasNoCompactForm() {
    assertEquals(Optional.empty(), CompactLayerFrame.of("{\"schema\":\"lenscast.status\","
        + "\"jobId\":\"j\",\"layer\":1,\"topk\":{\"tokens\":[],\"probs\":[]}}"));
    assertEquals(Optional.empty(), CompactLayerFrame.of("{\"schema\":\"lenscast.layer\","
        + "\"jobId\":\"j\",\"layer\":1}"));
    assertEquals(Optional.empty(), CompactLayerFrame.of("not json"));
    assertEquals(Optional.empty(), CompactLayerFrame.of("{\"schema\":\"lenscast.layer\","
        + "\"jobId\":\"j\",\"layer\":1,\"topk\":{\"tokens\":[[\"a\"]],\"probs\":[]}}"));
  }
}
