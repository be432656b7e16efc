package io.lenscast.model.testing;

/**
 * RoPE inverse frequencies in float64, written scalar by scalar from the formulas of transformers'
 * {@code modeling_rope_utils} (default, linear, dynamic NTK, llama3), independent of the engine's
 * tensor code.
 *
 * @param type default, linear, dynamic or llama3
 * @param maxPositionEmbeddings dynamic only
 * @param low llama3 only (low_freq_factor)
 * @param high llama3 only (high_freq_factor)
 * @param original llama3 only (original_max_position_embeddings)
 */
public record ReferenceRope(double theta, String type, double factor, int maxPositionEmbeddings,
    double low, double high, int original) {

  public static ReferenceRope plain(double theta) {
    return new ReferenceRope(theta, "default", 1, 0, 0, 0, 0);
  }

  public static ReferenceRope linear(double theta, double factor) {
    return new ReferenceRope(theta, "linear", factor, 0, 0, 0, 0);
  }

  public static ReferenceRope dynamic(double theta, double factor, int maxPositionEmbeddings) {
    return new ReferenceRope(theta, "dynamic", factor, maxPositionEmbeddings, 0, 0, 0);
  }

  public static ReferenceRope llama3(double theta, double factor, double low, double high,
      int original) {
    return new ReferenceRope(theta, "llama3", factor, 0, low, high, original);
  }

  /** The inverse frequency of rotation pair i (0 <= i < hd/2) in a sequence of seqLen. */
  public double inverseFrequency(int hd, int i, int seqLen) {
    double base = theta;
    if (type.equals("dynamic") && seqLen > maxPositionEmbeddings) {
      double grown = factor * seqLen / maxPositionEmbeddings - (factor - 1);
      base = theta * Math.pow(grown, hd / (hd - 2.0));
    }
    double f = 1 / Math.pow(base, 2.0 * i / hd);
    switch (type) {
      case "linear":
        return f / factor;
      case "llama3":
        double wavelen = 2 * Math.PI / f;
        if (wavelen < original / high) {
          return f;
        }
        if (wavelen > original / low) {
          return f / factor;
        }
        double s = (original / wavelen - low) / (high - low);
        return (1 - s) * f / factor + s * f;
      default:
        return f;
    }
  }

  /** All hd/2 inverse frequencies. */
  public double[] inverseFrequencies(int hd, int seqLen) {
    double[] out = new double[hd / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = inverseFrequency(hd, i, seqLen);
    }
    return out;
  }
}
