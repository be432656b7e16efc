package io.lenscast.analysis.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GridCellsTest {
  @Test
  void bufferOneAddsTheEightNeighbours() {
    GridCells c = GridCells.of(24, 24, 5 * 24 + 5);
    assertEquals(9, c.dilate(1).size());
    assertEquals(25, c.dilate(2).size());
    assertEquals(c, c.dilate(0));
  }

  @Test
  void bufferStopsAtTheGridBorder() {
    assertArrayEquals(new int[] {0, 1, 24, 25}, GridCells.of(24, 24, 0).dilate(1).indices());
    assertEquals(9, GridCells.of(24, 24, 575).dilate(2).size());
  }

  @Test
  void positionsAreImageStartPlusCell() {
    assertArrayEquals(new int[] {5, 580}, GridCells.of(24, 24, 0, 575).positions(5));
  }

  @Test
  void rowsAndSetAlgebra() {
    GridCells last = GridCells.rows(24, 24, 23, 23);
    assertEquals(24, last.size());
    assertEquals(552, GridCells.all(24, 24).minus(last).size());
    assertThrows(IllegalArgumentException.class, () -> GridCells.of(24, 24, 576));
  }
}
