package io.lenscast.analysis.ablation;

import io.lenscast.analysis.geometry.GridCells;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code cells:LIST} syntax: comma-separated row-major cell indices and inclusive ranges,
 * e.g. {@code 200-207,224-231}.
 */
public final class CellList {
  private CellList() {}

  public static GridCells parse(String list, int rows, int cols) {
    if (list == null || list.isBlank()) {
      throw new IllegalArgumentException("cells: needs a list like 200-207,224-231");
    }
    int max = rows * cols - 1;
    List<Integer> cells = new ArrayList<>();
    for (String part : list.split(",")) {
      String p = part.trim();
      int dash = p.indexOf('-', 1);
      int from = parseCell(dash < 0 ? p : p.substring(0, dash), max);
      int to = dash < 0 ? from : parseCell(p.substring(dash + 1), max);
      if (to < from) {
        throw new IllegalArgumentException("cell range " + p + " runs backwards");
      }
      for (int c = from; c <= to; c++) {
        cells.add(c);
      }
    }
    return GridCells.of(rows, cols, cells.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The shortest LIST naming these cells (runs collapsed to ranges). */
  public static String format(GridCells cells) {
    int[] idx = cells.indices();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < idx.length; ) {
      int j = i;
      while (j + 1 < idx.length && idx[j + 1] == idx[j] + 1) {
        j++;
      }
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(idx[i]);
      if (j > i) {
        sb.append('-').append(idx[j]);
      }
      i = j + 1;
    }
    return sb.toString();
  }

  private static int parseCell(String s, int max) {
    int v;
    try {
      v = Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s.trim() + "' is not a cell index");
    }
    if (v < 0 || v > max) {
      throw new IllegalArgumentException("cell " + v + " is outside 0.." + max);
    }
    return v;
  }
}
