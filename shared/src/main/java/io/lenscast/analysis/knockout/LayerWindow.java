package io.lenscast.analysis.knockout;

/** Decoder layers {@code [first, last]} (0-based, inclusive) and the name they were asked by. */
public record LayerWindow(String name, int first, int last) {
  public LayerWindow {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("layer window " + first + "-" + last
          + " is empty or negative");
    }
  }

  public int[] layers() {
    return new int[] {first, last};
  }

  public boolean contains(int layer) {
    return layer >= first && layer <= last;
  }
}
