package io.lenscast.model.nn;

import ai.djl.ndarray.NDArray;

/** The activation functions of LLaVA's parts, written out as transformers defines them. */
public final class Activations {
  private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);

  private Activations() {}

  /** GELU, exact: {@code 0.5 x (1 + erf(x / sqrt 2))}. */
  public static NDArray gelu(NDArray x) {
    return x.mul(x.mul(INV_SQRT2).erf().add(1.0)).mul(0.5);
  }

  /** CLIP's quick_gelu: {@code x sigmoid(1.702 x)}. */
  public static NDArray quickGelu(NDArray x) {
    return x.mul(sigmoid(x.mul(1.702)));
  }

  /** SiLU: {@code x sigmoid(x)}. */
  public static NDArray silu(NDArray x) {
    return x.mul(sigmoid(x));
  }

  /** The logistic sigmoid, elementwise. */
  public static NDArray sigmoid(NDArray x) {
    return x.getNDArrayInternal().sigmoid();
  }

  /** The named activation ("gelu", "quick_gelu", "silu"). */
  public static NDArray apply(String name, NDArray x) {
    return switch (name) {
      case "gelu" -> gelu(x);
      case "quick_gelu" -> quickGelu(x);
      case "silu" -> silu(x);
      default -> throw new IllegalArgumentException("unsupported activation " + name);
    };
  }
}
