package io.lenscast.analysis.lens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.analysis.geometry.GridCells;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.LayerTopK;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LensQuantifierTest {
  private static final int GIRAFFE = 330;
  private final ClassTokenMatcher giraffe = new ClassTokenMatcher("giraffe", GIRAFFE);

  @Test
  void lenientMatchesWordPiecePrefixesOfAtLeastTwoCharacters() {
    assertTrue(giraffe.strict(GIRAFFE));
    assertTrue(giraffe.lenient(1, "▁gir"));
    assertTrue(giraffe.lenient(1, "Gira"));
    assertFalse(giraffe.lenient(1, "▁g"));
    assertFalse(giraffe.lenient(1, "▁giraffes"));
    assertFalse(giraffe.lenient(1, "▁"));
    assertFalse(giraffe.lenient(1, null));
    assertTrue(new ClassTokenMatcher("teddy bear", 7).lenient(1, "▁teddyb"));
  }

  @Test
  void sharesPerLayerAndTheEarliestBestLayer() {
    GridCells object = GridCells.of(2, 2, 0, 1, 2, 3);
    LensQuantifier q = new LensQuantifier(object, giraffe);
    q.addLayer(0, new int[] {1, 1, 1, 1}, new String[] {"a", "a", "a", "a"});
    q.addLayer(1, new int[] {GIRAFFE, 5, 5, 5}, new String[] {"▁giraffe", "▁gir", "aff", "x"});
    q.addLayer(2, new int[] {GIRAFFE, GIRAFFE, 5, 5}, new String[] {"", "", "x", "x"});
    q.addLayer(3, new int[] {GIRAFFE, GIRAFFE, 5, 5}, new String[] {"", "", "x", "x"});
    LensScore s = q.score();
    assertArrayEquals(new double[] {0, 0.25, 0.5, 0.5}, s.strict());
    assertArrayEquals(new double[] {0, 0.5, 0.5, 0.5}, s.lenient());
    assertEquals(2, s.bestLayerStrict());
    assertEquals(0.5, s.bestStrict());
    assertEquals(1, s.bestLayerLenient());
    assertEquals(4, s.numLayers());
  }

  @Test
  void onlyObjectPatchesCountAndNoMatchMeansNoBestLayer() {
    LensQuantifier q = new LensQuantifier(GridCells.of(2, 2, 3), giraffe);
    q.addLayer(0, new int[] {GIRAFFE, GIRAFFE, GIRAFFE, 9}, null);
    LensScore s = q.score();
    assertNull(s.bestLayerStrict());
    assertEquals(0.0, s.bestStrict());
    assertThrows(IllegalArgumentException.class, () -> q.addLayer(1, new int[3], null));
  }

  @Test
  void readsTheVisualPositionsOfLayerEvents() {
    int start = 5;
    int[] positions = IntStream.concat(IntStream.range(start, start + 576), IntStream.of(600))
        .toArray();
    int[][] ids = new int[577][];
    String[][] tokens = new String[577][];
    for (int i = 0; i < 577; i++) {
      ids[i] = new int[] {i == 300 ? GIRAFFE : 7, 8};
      tokens[i] = new String[] {"x", "y"};
    }
    LayerEvent e = LayerEvent.of("j", 4, 5, start, new int[] {24, 24}, positions,
        new LayerTopK(ids, tokens, new float[577][2]));
    LensQuantifier q = new LensQuantifier(GridCells.of(24, 24, 300, 301), giraffe);
    q.addLayer(e);
    LensScore s = q.score();
    assertEquals(5, s.numLayers());
    assertEquals(4, s.bestLayerStrict());
    assertEquals(0.5, s.bestStrict());
    assertEquals(0.0, Arrays.stream(s.strict()).limit(4).sum());
  }
}
