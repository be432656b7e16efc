package io.lenscast.analysis.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Compressed strings below were encoded by hand with pycocotools' rleToString rules. */
class RleMaskTest {
  @Test
  void decodesCompressedCountsWithMultiCharacterValues() {
    assertArrayEquals(new long[] {243, 1, 2060}, RleMask.decodeCounts("c71\\P2"));
  }

  @Test
  void decodesCompressedCountsStoredAsDeltasAfterTheSecond() {
    assertArrayEquals(new long[] {243, 1, 10, 1, 2049}, RleMask.decodeCounts("c71:0go1"));
  }

  @Test
  void decodesNegativeDeltas() {
    assertArrayEquals(new long[] {243, 5, 10, 1, 2045}, RleMask.decodeCounts("c75:Lco1"));
  }

  @Test
  void countsAreColumnMajorStartingWithBackground() {
    RleMask mask = RleMask.fromCompressed(48, 48, "c71:0go1");
    assertEquals(2, mask.area());
    assertTrue(mask.get(5, 3));
    assertTrue(mask.get(5, 14));
    assertFalse(mask.get(3, 5));
  }

  @Test
  void rejectsCountsLongerThanTheMask() {
    assertThrows(IllegalArgumentException.class,
        () -> RleMask.fromCounts(2, 2, new long[] {3, 2}));
    assertThrows(IllegalArgumentException.class, () -> RleMask.decodeCounts("c"));
  }
}
