package io.lenscast.analysis.geometry;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A binary object mask in COCO's run-length encoding (the {@code iscrowd = 1} segmentations):
 * runs alternate 0s and 1s starting with 0s over the pixels in column-major order
 * ({@code index = x * height + y}). Counts come either as a list of integers (uncompressed) or
 * as COCO's compressed string (6-bit chunks offset by 48, counts after the second stored as
 * deltas), both decoded here.
 */
public final class RleMask {
  private final int height;
  private final int width;
  private final BitSet pixels;

  private RleMask(int height, int width, BitSet pixels) {
    this.height = height;
    this.width = width;
    this.pixels = pixels;
  }

  public static RleMask fromCounts(int height, int width, long[] counts) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("RLE size must be positive, got [" + height + ", "
          + width + "]");
    }
    long total = (long) height * width;
    BitSet bits = new BitSet();
    long at = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("RLE count " + i + " is negative");
      }
      long end = at + counts[i];
      if (end > total) {
        throw new IllegalArgumentException("RLE counts cover " + end + " pixels, the mask has "
            + total);
      }
      if (i % 2 == 1 && counts[i] > 0) {
        bits.set(Math.toIntExact(at), Math.toIntExact(end));
      }
      at = end;
    }
    return new RleMask(height, width, bits);
  }

  /** Decodes COCO's compressed counts string (as in {@code pycocotools} {@code rleFrString}). */
  public static RleMask fromCompressed(int height, int width, String counts) {
    return fromCounts(height, width, decodeCounts(counts));
  }

  static long[] decodeCounts(String s) {
    List<Long> counts = new ArrayList<>();
    int p = 0;
    while (p < s.length()) {
      long x = 0;
      int k = 0;
      boolean more = true;
      while (more) {
        if (p >= s.length()) {
          throw new IllegalArgumentException("truncated compressed RLE counts");
        }
        int c = s.charAt(p) - 48;
        if (c < 0 || c > 63) {
          throw new IllegalArgumentException("invalid character '" + s.charAt(p)
              + "' in compressed RLE counts");
        }
        x |= (long) (c & 0x1f) << (5 * k);
        more = (c & 0x20) != 0;
        p++;
        k++;
        if (!more && (c & 0x10) != 0) {
          x |= -1L << (5 * k);
        }
      }
      int m = counts.size();
      if (m > 2) {
        x += counts.get(m - 2);
      }
      counts.add(x);
    }
    return counts.stream().mapToLong(Long::longValue).toArray();
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  public boolean get(int x, int y) {
    return x >= 0 && y >= 0 && x < width && y < height && pixels.get(x * height + y);
  }

  public int area() {
    return pixels.cardinality();
  }

  /** Calls {@code visitor} with (x, y) of every foreground pixel. */
  public void forEachPixel(PixelVisitor visitor) {
    for (int i = pixels.nextSetBit(0); i >= 0; i = pixels.nextSetBit(i + 1)) {
      visitor.visit(i / height, i % height);
    }
  }

  /** Receives one foreground pixel. */
  @FunctionalInterface
  public interface PixelVisitor {
    void visit(int x, int y);
  }
}
