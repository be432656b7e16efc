package io.lenscast.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.lenscast.model.hooks.Captures;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.model.nn.Linear;
import io.lenscast.model.nn.OwnedConstants;

/**
 * Llama self-attention with grouped-query heads, eager as in transformers: RoPE on q and k,
 * k/v heads repeated per group ({@code repeat_kv}), {@code q k^T / sqrt(hd)} plus the additive
 * mask, softmax in float32, then {@code o_proj}. Keys and values go through the KV cache. The
 * scale is an {@link OwnedConstants} scalar: backward divides by it again.
 */
public final class LlamaAttention {
  private final Linear q;
  private final Linear k;
  private final Linear v;
  private final Linear o;
  private final int heads;
  private final int kvHeads;
  private final int headDim;
  private final HookPoint patternHook;

  public LlamaAttention(Linear q, Linear k, Linear v, Linear o, int heads, int kvHeads,
      int headDim, int layer) {
    this.q = q;
    this.k = k;
    this.v = v;
    this.o = o;
    this.heads = heads;
    this.kvHeads = kvHeads;
    this.headDim = headDim;
    this.patternHook = HookPoint.attnPattern(layer);
  }

  /**
   * @param x [B, T, D] normed input
   * @param mask [T, S] additive float32 mask, or null to attend to everything cached
   * @return [B, T, D]
   */
  public NDArray forward(NDArray x, Rope.Angles angles, NDArray mask, KvCache cache, int layer,
      Captures captures) {
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    NDArray qs = q.apply(x).reshape(b, t, heads, headDim).transpose(0, 2, 1, 3); // [B, H, T, hd]
    NDArray ks = k.apply(x).reshape(b, t, kvHeads, headDim).transpose(0, 2, 1, 3); // [B, KV, T, hd]
    NDArray vs = v.apply(x).reshape(b, t, kvHeads, headDim).transpose(0, 2, 1, 3); // [B, KV, T, hd]
    qs = Rope.apply(qs, angles); // [B, H, T, hd]
    ks = Rope.apply(ks, angles); // [B, KV, T, hd]
    NDArray[] kv = cache.append(layer, ks, vs); // 2 x [B, KV, S, hd]
    kv[0].tempAttach(x.getManager());
    kv[1].tempAttach(x.getManager());
    NDArray keys = repeatKv(kv[0]); // [B, H, S, hd]
    NDArray values = repeatKv(kv[1]); // [B, H, S, hd]
    NDArray scale = OwnedConstants.scalar(x.getManager(), Math.sqrt(headDim)); // []
    NDArray scores = qs.matMul(keys.transpose(0, 1, 3, 2)).div(scale); // [B, H, T, S]
    if (scores.getDataType() != DataType.FLOAT32) {
      scores = scores.toType(DataType.FLOAT32, false);
    }
    if (mask != null) {
      scores = scores.add(mask); // [B, H, T, S]
    }
    NDArray pattern = scores.softmax(-1); // [B, H, T, S] float32
    captures.offer(patternHook, pattern);
    NDArray weights = pattern.toType(qs.getDataType(), false); // [B, H, T, S]
    NDArray out = weights.matMul(values); // [B, H, T, hd]
    out = out.transpose(0, 2, 1, 3).reshape(b, t, (long) heads * headDim); // [B, T, H*hd]
    return o.apply(out); // [B, T, D]
  }

  /** transformers' repeat_kv: [B, KV, S, hd] -> [B, KV*groups, S, hd], head h uses kv h/groups. */
  private NDArray repeatKv(NDArray kv) {
    int groups = heads / kvHeads;
    if (groups == 1) {
      return kv;
    }
    long[] s = kv.getShape().getShape();
    return kv.expandDims(2).repeat(2, groups).reshape(s[0], (long) heads, s[2], s[3]);
  }
}
