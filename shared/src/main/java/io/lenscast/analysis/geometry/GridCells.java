package io.lenscast.analysis.geometry;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A set of cells of the visual-token grid ({@code rows x cols}, row-major: cell {@code r * cols
 * + c}), immutable. It owns the two operations every analysis needs on cells: the buffer (8-
 * neighbourhood dilation, as the paper's {@code _add_buffer}) and the mapping to sequence
 * positions ({@code imageStart + cell}).
 */
public final class GridCells {
  private final int rows;
  private final int cols;
  private final BitSet bits;

  private GridCells(int rows, int cols, BitSet bits) {
    this.rows = rows;
    this.cols = cols;
    this.bits = bits;
  }

  public static GridCells empty(int rows, int cols) {
    if (rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException("grid must be positive, got " + rows + "x" + cols);
    }
    return new GridCells(rows, cols, new BitSet(rows * cols));
  }

  /** Every cell of the grid. */
  public static GridCells all(int rows, int cols) {
    GridCells g = empty(rows, cols);
    g.bits.set(0, rows * cols);
    return g;
  }

  /** The given cell indices; each must be in {@code [0, rows * cols)}. */
  public static GridCells of(int rows, int cols, int... cells) {
    GridCells g = empty(rows, cols);
    for (int cell : cells) {
      if (cell < 0 || cell >= rows * cols) {
        throw new IllegalArgumentException("cell " + cell + " is outside the " + rows + "x"
            + cols + " grid (0.." + (rows * cols - 1) + ")");
      }
      g.bits.set(cell);
    }
    return g;
  }

  /** Whole rows {@code [firstRow, lastRow]} (inclusive), e.g. the last row of visual tokens. */
  public static GridCells rows(int rows, int cols, int firstRow, int lastRow) {
    GridCells g = empty(rows, cols);
    g.bits.set(firstRow * cols, (lastRow + 1) * cols);
    return g;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public int size() {
    return bits.cardinality();
  }

  public boolean isEmpty() {
    return bits.isEmpty();
  }

  public boolean contains(int cell) {
    return bits.get(cell);
  }

  /** The cell indices, ascending. */
  public int[] indices() {
    return bits.stream().toArray();
  }

  /** Sequence positions of these cells when the visual block starts at {@code imageStart}. */
  public int[] positions(int imageStart) {
    return bits.stream().map(cell -> imageStart + cell).toArray();
  }

  /** These cells plus their 8-neighbourhood, applied {@code times} times (0 = unchanged). */
  public GridCells dilate(int times) {
    if (times < 0) {
      throw new IllegalArgumentException("buffer must be >= 0, got " + times);
    }
    BitSet current = (BitSet) bits.clone();
    for (int t = 0; t < times; t++) {
      BitSet next = (BitSet) current.clone();
      for (int cell = current.nextSetBit(0); cell >= 0; cell = current.nextSetBit(cell + 1)) {
        int r = cell / cols;
        int c = cell % cols;
        for (int dr = -1; dr <= 1; dr++) {
          for (int dc = -1; dc <= 1; dc++) {
            int nr = r + dr;
            int nc = c + dc;
            if (nr >= 0 && nr < rows && nc >= 0 && nc < cols) {
              next.set(nr * cols + nc);
            }
          }
        }
      }
      current = next;
    }
    return new GridCells(rows, cols, current);
  }

  public GridCells union(GridCells other) {
    requireSameGrid(other);
    BitSet b = (BitSet) bits.clone();
    b.or(other.bits);
    return new GridCells(rows, cols, b);
  }

  public GridCells minus(GridCells other) {
    requireSameGrid(other);
    BitSet b = (BitSet) bits.clone();
    b.andNot(other.bits);
    return new GridCells(rows, cols, b);
  }

  static GridCells ofBits(int rows, int cols, BitSet bits) {
    return new GridCells(rows, cols, (BitSet) bits.clone());
  }

  private void requireSameGrid(GridCells other) {
    if (other.rows != rows || other.cols != cols) {
      throw new IllegalArgumentException("grids differ: " + rows + "x" + cols + " vs "
          + other.rows + "x" + other.cols);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GridCells g && g.rows == rows && g.cols == cols && g.bits.equals(bits);
  }

  @Override
  public int hashCode() {
    return bits.hashCode() * 31 + rows * 7 + cols;
  }

  @Override
  public String toString() {
    return rows + "x" + cols + Arrays.toString(indices());
  }
}
