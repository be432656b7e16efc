package io.lenscast.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a comma-separated list of ablation conditions where a {@code cells:LIST} condition keeps
 * its own commas: {@code none,cells:200-207,224-231,register} is three conditions. A part that is
 * a cell index or range ({@code 224-231}) continues the {@code cells:} condition before it.
 */
final class ConditionList {
  private ConditionList() {}

  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    for (String raw : text.split(",")) {
      String part = raw.trim();
      if (part.isEmpty()) {
        continue;
      }
      int last = out.size() - 1;
      if (last >= 0 && out.get(last).startsWith("cells:") && part.matches("\\d+(-\\d+)?")) {
        out.set(last, out.get(last) + "," + part);
      } else {
        out.add(part);
      }
    }
    return out;
  }
}
