package io.lenscast.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.events.EventCodec;
import org.junit.jupiter.api.Test;

class LayerHeaderTest {
  @Test
  void theHeaderOfARecordedLayerIsReadWithoutItsTopK() {
    String json = EventCodec.toJson(new RecordedJob("job-1", 33, null, null).layer(7));
    assertEquals(new LayerHeader("job-1", 7, 33), LayerHeader.read(json).orElseThrow());
  }

  @Test
  void otherEventsAndBrokenValuesHaveNoLayerHeader() {
    assertTrue(LayerHeader.read("{\"schema\":\"lenscast.status\",\"jobId\":\"a\",\"layer\":1}")
        .isEmpty());
    assertTrue(LayerHeader.read("{\"schema\":\"lenscast.layer\",\"layer\":1}").isEmpty());
    assertTrue(LayerHeader.read("{\"schema\":\"lenscast.layer\",\"jobId\":\"a\"}").isEmpty());
    assertTrue(LayerHeader.read("{not json").isEmpty());
    assertTrue(LayerHeader.read("[1,2]").isEmpty());
  }
}
