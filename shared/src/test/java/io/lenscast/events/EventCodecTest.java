package io.lenscast.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EventCodecTest {
  @Test
  void layerEventRoundTripsThroughJson() throws Exception {
    LayerEvent event = LayerEvent.of("job-1", 3, 5, 5, new int[] {24, 24}, new int[] {5, 6, 594},
        new LayerTopK(new int[][] {{1, 2}, {3, 4}, {5, 6}},
            new String[][] {{"a", "b"}, {"c", "d"}, {"e", "f"}},
            new float[][] {{0.5f, 0.25f}, {0.5f, 0.25f}, {0.5f, 0.25f}}));

    Event back = EventCodec.parse(EventCodec.toJson(event));

    LayerEvent layer = assertInstanceOf(LayerEvent.class, back);
    assertEquals(3, layer.layer());
    assertArrayEquals(new int[] {5, 6, 594}, layer.positions());
    assertArrayEquals(new String[] {"c", "d"}, layer.topk().tokens()[1]);
  }

  @Test
  void jobClassFieldIsNamedClassOnTheWireAndUnknownFieldsAreIgnored() throws Exception {
    String json = "{\"schema\":\"lenscast.job\",\"version\":1,\"task\":\"polling\","
        + "\"class\":\"dog\",\"futureField\":42,\"image\":{\"path\":\"a.png\"}}";

    JobEvent job = assertInstanceOf(JobEvent.class, EventCodec.parse(json));

    assertEquals("dog", job.className());
    assertEquals("a.png", job.image().path());
  }

  @Test
  void unknownSchemaIsRejectedWithItsName() {
    var e = assertThrows(EventCodec.MalformedEventException.class,
        () -> EventCodec.parse("{\"schema\":\"nope\"}"));
    assertEquals("unknown schema 'nope'", e.getMessage());
  }
}
