package io.lenscast.analysis.knockout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lenscast.analysis.geometry.GridCells;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnockoutSpecTest {
  @Test
  void thirtyTwoLayerWindowsAreTheReferencesAndLayerTenIsInNeitherEarlyNorMid() {
    List<LayerWindow> w = LayerWindows.named(32);
    assertEquals(List.of(new LayerWindow("early", 0, 9), new LayerWindow("early-mid", 5, 14),
        new LayerWindow("mid", 11, 20), new LayerWindow("mid-late", 15, 24),
        new LayerWindow("late", 21, 31), new LayerWindow("all", 0, 31)), w);
    assertFalse(w.get(0).contains(10) || w.get(2).contains(10) || w.get(4).contains(10));
  }

  @Test
  void windowsScaleToOtherDepthsRoundingOutwards() {
    assertEquals(List.of(new LayerWindow("early", 0, 1), new LayerWindow("early-mid", 0, 1),
        new LayerWindow("mid", 1, 2), new LayerWindow("mid-late", 1, 3),
        new LayerWindow("late", 2, 3), new LayerWindow("all", 0, 3)), LayerWindows.named(4));
    // Phi-3 mini has 32 layers; a 40-layer model: early 0-12 (10*40/32 = 12.5 -> 13 - 1)
    assertEquals(new LayerWindow("early", 0, 12), LayerWindows.resolve("early", 40));
    assertEquals(new LayerWindow("mid", 13, 26), LayerWindows.resolve("mid", 40));
    assertEquals(new LayerWindow("all", 0, 0), LayerWindows.resolve("all", 1));
  }

  @Test
  void explicitRangesAreCheckedAgainstTheDepth() {
    assertEquals(new LayerWindow("1-2", 1, 2), LayerWindows.resolve("1-2", 4));
    assertThrows(IllegalArgumentException.class, () -> LayerWindows.resolve("2-4", 4));
    assertThrows(IllegalArgumentException.class, () -> LayerWindows.resolve("3-1", 4));
    LayerWindows.checkSyntax("mid-late");
    LayerWindows.checkSyntax("3-40");
    assertThrows(IllegalArgumentException.class, () -> LayerWindows.checkSyntax("3-"));
    assertEquals("unknown layer window 'middle' (early, early-mid, mid, mid-late, late, all, or"
        + " A-B)", assertThrows(IllegalArgumentException.class,
            () -> LayerWindows.resolve("middle", 4)).getMessage());
  }

  @Test
  void imageToLastBlocksAllVisualKeysForTheLastQuery() {
    BlockedEdges e = EdgeSet.parse("image->last").resolve(LayerWindows.resolve("1-2", 4), 24,
        24, 5, 594, null);
    assertArrayEquals(new int[] {594}, e.queries());
    assertArrayEquals(IntStream.range(5, 581).toArray(), e.keys());
  }

  @Test
  void contractEdgeSetsResolveToTheirPositions() {
    GridCells object = GridCells.of(24, 24, 23 * 24 + 3);
    LayerWindow all = LayerWindows.resolve("all", 32);
    BlockedEdges ob1 = EdgeSet.parse("object_b1->last").resolve(all, 24, 24, 5, 600, object);
    assertArrayEquals(new int[] {22 * 24 + 2 + 5, 22 * 24 + 3 + 5, 22 * 24 + 4 + 5,
        23 * 24 + 2 + 5, 23 * 24 + 3 + 5, 23 * 24 + 4 + 5}, ob1.keys());
    BlockedEdges minus = EdgeSet.parse("image-minus-object_b1->last")
        .resolve(all, 24, 24, 5, 600, object);
    assertEquals(570, minus.keys().length);
    BlockedEdges toRow = EdgeSet.parse("object_b1->lastrow").resolve(all, 24, 24, 5, 600,
        object);
    assertArrayEquals(IntStream.range(5 + 552, 5 + 576).toArray(), toRow.queries());
    BlockedEdges rowMinus = EdgeSet.parse("image-minus-lastrow->lastrow")
        .resolve(all, 24, 24, 5, 600, null);
    assertArrayEquals(IntStream.range(5, 5 + 552).toArray(), rowMinus.keys());
    assertEquals(24, rowMinus.queries().length);
    assertEquals(1, EdgeSet.parse("object_b0->last").resolve(all, 24, 24, 5, 600, object)
        .keys().length);
    assertEquals(15, EdgeSet.parse("object_b2->last").resolve(all, 24, 24, 5, 600, object)
        .keys().length);
  }

  @Test
  void malformedEdgeSetsAndMissingObjectsFailWithAReason() {
    assertThrows(IllegalArgumentException.class, () -> EdgeSet.parse("image"));
    assertThrows(IllegalArgumentException.class, () -> EdgeSet.parse("image->first"));
    assertThrows(IllegalArgumentException.class, () -> EdgeSet.parse("objet_b1->last"));
    assertThrows(IllegalArgumentException.class, () -> EdgeSet.parse("image-minus-image->last"));
    EdgeSet needsObject = EdgeSet.parse("object_b1->last");
    assertThrows(IllegalArgumentException.class, () -> needsObject.resolve(
        LayerWindows.resolve("all", 4), 24, 24, 5, 600, null));
  }
}
