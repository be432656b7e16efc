package io.lenscast.model.testing;

import java.util.Map;

/**
 * A naive float64 Llama decoder written from transformers' semantics, scalar loop by loop, as an
 * independent check of the engine: RMSNorm, RoPE half rotation with rope_theta (optionally
 * with a rope_scaling), grouped-query attention (query head h reads kv head h / groups), causal
 * softmax, SiLU-gated MLP, final norm, lm_head. Input: the merged embeddings; output: every
 * hidden state and the last logits.
 */
public final class ReferenceLlama {
  private final RandomLlava cfg;
  private final Map<String, CheckpointWriter.Tensor> w;
  private final ReferenceRope rope;
  private static final double EPS = 1e-5;

  public ReferenceLlama(RandomLlava cfg, Map<String, CheckpointWriter.Tensor> weights) {
    this(cfg, weights, ReferenceRope.plain(cfg.ropeTheta()));
  }

  /** With the rotary frequencies of {@code rope} (a rope_scaling) instead of the default. */
  public ReferenceLlama(RandomLlava cfg, Map<String, CheckpointWriter.Tensor> weights,
      ReferenceRope rope) {
    this.cfg = cfg;
    this.w = weights;
    this.rope = rope;
  }

  /** Result: hidden[l] for l = 0..L (L = raw output of the last layer), logits at the last. */
  public record Output(double[][][] hidden, double[] lastLogits) {}

  public Output run(double[][] embeds) {
    int t = embeds.length;
    int layers = cfg.layers();
    double[][][] hidden = new double[layers + 1][][];
    hidden[0] = embeds;
    double[][] x = embeds;
    for (int l = 0; l < layers; l++) {
      String p = "language_model.model.layers." + l + ".";
      double[][] normed = rmsNorm(x, p + "input_layernorm.weight");
      double[][] attn = attention(normed, p);
      double[][] h = add(x, attn);
      double[][] n2 = rmsNorm(h, p + "post_attention_layernorm.weight");
      double[][] gate = linear(n2, p + "mlp.gate_proj.weight");
      double[][] up = linear(n2, p + "mlp.up_proj.weight");
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < gate[i].length; j++) {
          double g = gate[i][j];
          gate[i][j] = g / (1 + Math.exp(-g)) * up[i][j];
        }
      }
      x = add(h, linear(gate, p + "mlp.down_proj.weight"));
      hidden[l + 1] = x;
    }
    double[][] last = rmsNorm(new double[][] {x[t - 1]}, "language_model.model.norm.weight");
    return new Output(hidden, linear(last, "language_model.lm_head.weight")[0]);
  }

  private double[][] attention(double[][] x, String p) {
    int t = x.length;
    int heads = cfg.heads();
    int kvHeads = cfg.kvHeads();
    int hd = cfg.headDim();
    int groups = heads / kvHeads;
    double[][] q = linear(x, p + "self_attn.q_proj.weight");
    double[][] k = linear(x, p + "self_attn.k_proj.weight");
    double[][] v = linear(x, p + "self_attn.v_proj.weight");
    double[] invFreq = rope.inverseFrequencies(hd, t);
    for (int i = 0; i < t; i++) {
      rope(q[i], heads, hd, i, invFreq);
      rope(k[i], kvHeads, hd, i, invFreq);
    }
    double[][] out = new double[t][heads * hd];
    for (int h = 0; h < heads; h++) {
      int kv = h / groups;
      for (int i = 0; i < t; i++) {
        double[] scores = new double[i + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j <= i; j++) {
          double s = 0;
          for (int d = 0; d < hd; d++) {
            s += q[i][h * hd + d] * k[j][kv * hd + d];
          }
          scores[j] = s / Math.sqrt(hd);
          max = Math.max(max, scores[j]);
        }
        double sum = 0;
        for (int j = 0; j <= i; j++) {
          scores[j] = Math.exp(scores[j] - max);
          sum += scores[j];
        }
        for (int j = 0; j <= i; j++) {
          for (int d = 0; d < hd; d++) {
            out[i][h * hd + d] += scores[j] / sum * v[j][kv * hd + d];
          }
        }
      }
    }
    return linear(out, p + "self_attn.o_proj.weight");
  }

  private static void rope(double[] vec, int heads, int hd, int pos, double[] invFreq) {
    int half = hd / 2;
    for (int h = 0; h < heads; h++) {
      double[] rotated = new double[hd];
      for (int d = 0; d < hd; d++) {
        int i = d % half;
        double angle = pos * invFreq[i];
        double other = d < half ? -vec[h * hd + d + half] : vec[h * hd + d - half];
        rotated[d] = vec[h * hd + d] * Math.cos(angle) + other * Math.sin(angle);
      }
      System.arraycopy(rotated, 0, vec, h * hd, hd);
    }
  }

  private double[][] rmsNorm(double[][] x, String weight) {
    float[] g = w.get(weight).values();
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double ss = 0;
      for (double v : x[i]) {
        ss += v * v;
      }
      double inv = 1 / Math.sqrt(ss / x[i].length + EPS);
      out[i] = new double[x[i].length];
      for (int j = 0; j < x[i].length; j++) {
        out[i][j] = g[j] * x[i][j] * inv;
      }
    }
    return out;
  }

  private double[][] linear(double[][] x, String weight) {
    CheckpointWriter.Tensor t = w.get(weight);
    int out = (int) t.shape()[0];
    int in = (int) t.shape()[1];
    double[][] y = new double[x.length][out];
    for (int i = 0; i < x.length; i++) {
      for (int o = 0; o < out; o++) {
        double s = 0;
        for (int j = 0; j < in; j++) {
          s += x[i][j] * t.values()[o * in + j];
        }
        y[i][o] = s;
      }
    }
    return y;
  }

  private static double[][] add(double[][] a, double[][] b) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = new double[a[i].length];
      for (int j = 0; j < a[i].length; j++) {
        out[i][j] = a[i][j] + b[i][j];
      }
    }
    return out;
  }
}
