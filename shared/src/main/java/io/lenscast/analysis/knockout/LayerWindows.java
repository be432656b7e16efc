package io.lenscast.analysis.knockout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's knockout windows and explicit ranges. For 32 decoder layers the windows are the
 * reference's: early 0-9, early-mid 5-14, mid 11-20, mid-late 15-24, late 21-31, all 0-31.
 * Faithful to the reference, layer 10 is in neither early nor mid (PAPER.md bug 7; only
 * early-mid covers it).
 *
 * <p>Other depths L scale each window {@code [a, b]} as half-open layer fractions of 32:
 * {@code first = floor(a * L / 32)}, {@code last = ceil((b + 1) * L / 32) - 1}, clamped to
 * {@code [first, L - 1]}. This is the identity at L = 32, keeps every window non-empty, and
 * keeps each window covering at least the share of the depth it covers at 32 (rounding
 * outwards), so windows may overlap a little more at small depths. For the 4-layer fixture:
 * early 0-1, early-mid 0-1, mid 1-2, mid-late 1-3, late 2-3, all 0-3.
 */
public final class LayerWindows {
  public static final int REFERENCE_DEPTH = 32;
  private static final Map<String, int[]> REFERENCE = new LinkedHashMap<>();

  static {
    REFERENCE.put("early", new int[] {0, 9});
    REFERENCE.put("early-mid", new int[] {5, 14});
    REFERENCE.put("mid", new int[] {11, 20});
    REFERENCE.put("mid-late", new int[] {15, 24});
    REFERENCE.put("late", new int[] {21, 31});
    REFERENCE.put("all", new int[] {0, 31});
  }

  private LayerWindows() {}

  /** The six named windows, in the paper's order, scaled to {@code numLayers}. */
  public static List<LayerWindow> named(int numLayers) {
    List<LayerWindow> out = new ArrayList<>();
    for (String name : REFERENCE.keySet()) {
      out.add(resolve(name, numLayers));
    }
    return out;
  }

  /**
   * A window name or an explicit {@code A-B} range (0-based, inclusive, named {@code "A-B"}).
   *
   * @throws IllegalArgumentException with a one-line reason for an unknown name or a range
   *     outside the model's layers
   */
  public static LayerWindow resolve(String spec, int numLayers) {
    if (numLayers <= 0) {
      throw new IllegalArgumentException("model has no decoder layers");
    }
    String s = spec == null ? "" : spec.trim();
    int[] ref = REFERENCE.get(s);
    if (ref != null) {
      return scale(s, ref[0], ref[1], numLayers);
    }
    int dash = s.indexOf('-');
    if (dash > 0) {
      try {
        int a = Integer.parseInt(s.substring(0, dash).trim());
        int b = Integer.parseInt(s.substring(dash + 1).trim());
        if (a < 0 || b < a || b >= numLayers) {
          throw new IllegalArgumentException("layers " + s + " must satisfy 0 <= A <= B <= "
              + (numLayers - 1));
        }
        return new LayerWindow(a + "-" + b, a, b);
      } catch (NumberFormatException e) {
        // fall through to the unknown-window message
      }
    }
    throw new IllegalArgumentException("unknown layer window '" + s + "' (early, early-mid, mid,"
        + " mid-late, late, all, or A-B)");
  }

  /** Checks the spelling of a window without knowing the model's depth. */
  public static void checkSyntax(String spec) {
    String s = spec == null ? "" : spec.trim();
    if (!REFERENCE.containsKey(s) && !s.matches("\\d{1,4}-\\d{1,4}")) {
      throw new IllegalArgumentException("unknown layer window '" + s + "' (early, early-mid,"
          + " mid, mid-late, late, all, or A-B)");
    }
  }

  static LayerWindow scale(String name, int a, int b, int numLayers) {
    int first = Math.floorDiv(a * numLayers, REFERENCE_DEPTH);
    int last = ceilDiv((b + 1) * numLayers, REFERENCE_DEPTH) - 1;
    first = Math.min(first, numLayers - 1);
    last = Math.max(first, Math.min(last, numLayers - 1));
    return new LayerWindow(name, first, last);
  }

  private static int ceilDiv(int x, int y) {
    return -Math.floorDiv(-x, y);
  }
}
