package io.lenscast.image;

/**
 * Pillow's {@code Image.resize(size, BICUBIC)} on 8-bit RGB, reproduced bit for bit, because
 * CLIP's preprocessing (and so every golden pixel value) is defined by it. Pillow resamples in
 * two separable passes (horizontal first, into a uint8 intermediate, then vertical), with a
 * Keys cubic kernel (a = -0.5) whose support is stretched by the scale when shrinking
 * (antialiasing), coefficients normalised in double, then quantised to 22-bit fixed point, and
 * every output rounded with a half bias and clipped to 0..255.
 */
public final class PillowBicubicResize {
  /** Pillow's {@code PRECISION_BITS}: 32 - 8 - 2. */
  private static final int PRECISION_BITS = 22;

  private static final double SUPPORT = 2.0;

  private PillowBicubicResize() {}

  /** Resizes to {@code outWidth x outHeight}; the same size returns a copy, as Pillow does. */
  public static RgbImage resize(RgbImage in, int outWidth, int outHeight) {
    if (outWidth <= 0 || outHeight <= 0) {
      throw new IllegalArgumentException("target size must be positive: " + outWidth + "x"
          + outHeight);
    }
    boolean horizontal = outWidth != in.width();
    boolean vertical = outHeight != in.height();
    Coefficients rows = Coefficients.of(in.height(), outHeight);
    int firstRow = rows.min[0];
    int lastRow = rows.min[outHeight - 1] + rows.count[outHeight - 1];

    byte[] pixels = in.rgb();
    int width = in.width();
    int height = in.height();
    int rowOffset = 0;
    if (horizontal) {
      // [lastRow - firstRow, outWidth, 3]: only the rows the vertical pass reads
      pixels = horizontalPass(in, firstRow, lastRow - firstRow, Coefficients.of(width, outWidth),
          outWidth);
      width = outWidth;
      height = lastRow - firstRow;
      rowOffset = firstRow;
    }
    if (vertical) {
      pixels = verticalPass(pixels, width, rows, rowOffset, outHeight);
    } else if (!horizontal) {
      pixels = pixels.clone();
    }
    return new RgbImage(outWidth, outHeight, pixels);
  }

  private static byte[] horizontalPass(
      RgbImage in, int firstRow, int rowCount, Coefficients cols, int outWidth) {
    byte[] src = in.rgb();
    int inStride = in.width() * 3;
    byte[] out = new byte[rowCount * outWidth * 3];
    for (int y = 0; y < rowCount; y++) {
      int rowBase = (y + firstRow) * inStride;
      for (int x = 0; x < outWidth; x++) {
        int xmin = cols.min[x];
        int n = cols.count[x];
        int kBase = x * cols.kernelSize;
        int r = 1 << (PRECISION_BITS - 1);
        int g = r;
        int b = r;
        for (int i = 0; i < n; i++) {
          int k = cols.fixed[kBase + i];
          int p = rowBase + (xmin + i) * 3;
          r += (src[p] & 0xFF) * k;
          g += (src[p + 1] & 0xFF) * k;
          b += (src[p + 2] & 0xFF) * k;
        }
        int o = (y * outWidth + x) * 3;
        out[o] = clip8(r);
        out[o + 1] = clip8(g);
        out[o + 2] = clip8(b);
      }
    }
    return out;
  }

  private static byte[] verticalPass(
      byte[] src, int width, Coefficients rows, int rowOffset, int outHeight) {
    int stride = width * 3;
    byte[] out = new byte[outHeight * stride];
    for (int y = 0; y < outHeight; y++) {
      int ymin = rows.min[y] - rowOffset;
      int n = rows.count[y];
      int kBase = y * rows.kernelSize;
      for (int x = 0; x < stride; x++) {
        int s = 1 << (PRECISION_BITS - 1);
        for (int i = 0; i < n; i++) {
          s += (src[(ymin + i) * stride + x] & 0xFF) * rows.fixed[kBase + i];
        }
        out[y * stride + x] = clip8(s);
      }
    }
    return out;
  }

  /** Pillow's {@code clip8}: arithmetic shift out the fraction, then clamp to a byte. */
  private static byte clip8(int accumulator) {
    int v = accumulator >> PRECISION_BITS;
    return (byte) (v < 0 ? 0 : Math.min(v, 255));
  }

  /** Keys cubic convolution kernel with a = -0.5, exactly as Pillow evaluates it. */
  static double bicubic(double x) {
    final double a = -0.5;
    if (x < 0.0) {
      x = -x;
    }
    if (x < 1.0) {
      return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    }
    if (x < 2.0) {
      return (((x - 5) * x + 8) * x - 4) * a;
    }
    return 0.0;
  }

  /**
   * Pillow's {@code precompute_coeffs} + {@code normalize_coeffs_8bpc} for one axis: per output
   * index, the first input index, how many inputs it reads, and the fixed-point weights.
   */
  private static final class Coefficients {
    final int kernelSize;
    final int[] min;
    final int[] count;
    final int[] fixed;

    private Coefficients(int kernelSize, int[] min, int[] count, int[] fixed) {
      this.kernelSize = kernelSize;
      this.min = min;
      this.count = count;
      this.fixed = fixed;
    }

    static Coefficients of(int inSize, int outSize) {
      // Pillow passes the box as C floats; (float) in1 - (float) in0 is exact here
      double scale = (double) ((float) inSize - 0f) / outSize;
      double filterScale = Math.max(scale, 1.0);
      double support = SUPPORT * filterScale;
      int kernelSize = (int) Math.ceil(support) * 2 + 1;
      int[] min = new int[outSize];
      int[] count = new int[outSize];
      int[] fixed = new int[outSize * kernelSize];
      double[] weights = new double[kernelSize];
      for (int xx = 0; xx < outSize; xx++) {
        double center = (xx + 0.5) * scale;
        double ss = 1.0 / filterScale;
        int xmin = Math.max((int) (center - support + 0.5), 0);
        int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
        double total = 0.0;
        for (int x = 0; x < xmax; x++) {
          double w = bicubic((x + xmin - center + 0.5) * ss);
          weights[x] = w;
          total += w;
        }
        for (int x = 0; x < xmax; x++) {
          double w = total != 0.0 ? weights[x] / total : weights[x];
          fixed[xx * kernelSize + x] = w < 0
              ? (int) (-0.5 + w * (1 << PRECISION_BITS))
              : (int) (0.5 + w * (1 << PRECISION_BITS));
        }
        min[xx] = xmin;
        count[xx] = xmax;
      }
      return new Coefficients(kernelSize, min, count, fixed);
    }
  }
}
