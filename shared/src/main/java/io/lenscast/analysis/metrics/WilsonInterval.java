package io.lenscast.analysis.metrics;

/**
 * The 95% Wilson score interval of a proportion {@code k / n}: unlike the normal approximation
 * it stays inside [0, 1] and is sensible for the small counts and 0% / 100% shares that
 * ablation and knockout tables are full of. {@code n = 0} gives [0, 1].
 */
public record WilsonInterval(double low, double high) {
  /** The 97.5% quantile of the standard normal distribution. */
  public static final double Z95 = 1.959963984540054;

  public static WilsonInterval of(int k, int n) {
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("need 0 <= k <= n, got k=" + k + " n=" + n);
    }
    if (n == 0) {
      return new WilsonInterval(0, 1);
    }
    double z2 = Z95 * Z95;
    double p = (double) k / n;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
  }
}
