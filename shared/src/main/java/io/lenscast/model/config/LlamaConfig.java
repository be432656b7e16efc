package io.lenscast.model.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Llama decoder's hyper-parameters, bound from {@code text_config} with the defaults of
 * transformers' {@code LlamaConfig} (4.40-4.45): hidden 4096, 32 layers, 32 heads, intermediate
 * 11008, rms_norm_eps 1e-6, rope_theta 10000, no rope_scaling, max_position_embeddings 2048;
 * {@code num_key_value_heads} defaults to the number of heads and {@code head_dim} to hidden /
 * heads.
 */
public record LlamaConfig(
    int vocabSize,
    int hiddenSize,
    int intermediateSize,
    int numHiddenLayers,
    int numAttentionHeads,
    int numKeyValueHeads,
    int headDim,
    String hiddenAct,
    double rmsNormEps,
    double ropeTheta,
    RopeScaling ropeScaling,
    int maxPositionEmbeddings,
    boolean attentionBias,
    boolean mlpBias,
    boolean tieWordEmbeddings,
    int bosTokenId,
    int eosTokenId) {

  /** Binds {@code node} (may be null or empty), applying LlamaConfig's defaults. */
  public static LlamaConfig from(JsonNode node) {
    JsonFields f = new JsonFields(node, "text_config");
    int hidden = f.integer("hidden_size", 4096);
    int heads = f.integer("num_attention_heads", 32);
    int kvHeads = f.integer("num_key_value_heads", heads);
    int headDim = f.integer("head_dim", hidden / heads);
    if (f.has("pretraining_tp") && f.integer("pretraining_tp", 1) != 1) {
      throw new IllegalArgumentException("text_config.pretraining_tp != 1 is not supported");
    }
    if (heads % kvHeads != 0) {
      throw new IllegalArgumentException("text_config.num_attention_heads (" + heads
          + ") is not a multiple of num_key_value_heads (" + kvHeads + ")");
    }
    if (headDim % 2 != 0) {
      throw new IllegalArgumentException("text_config head_dim " + headDim + " must be even");
    }
    return new LlamaConfig(
        f.integer("vocab_size", 32000),
        hidden,
        f.integer("intermediate_size", 11008),
        f.integer("num_hidden_layers", 32),
        heads,
        kvHeads,
        headDim,
        f.string("hidden_act", "silu"),
        f.number("rms_norm_eps", 1e-6),
        f.number("rope_theta", 10000.0),
        RopeScaling.from(f.get("rope_scaling")),
        f.integer("max_position_embeddings", 2048),
        f.bool("attention_bias", false),
        f.bool("mlp_bias", false),
        f.bool("tie_word_embeddings", false),
        f.integer("bos_token_id", 1),
        eosOf(f));
  }

  private static int eosOf(JsonFields f) {
    JsonNode eos = f.get("eos_token_id");
    if (eos != null && eos.isArray() && eos.size() > 0) {
      return eos.get(0).intValue();
    }
    return f.integer("eos_token_id", 2);
  }

  /** Query heads sharing one key/value head (transformers' {@code num_key_value_groups}). */
  public int kvGroups() {
    return numAttentionHeads / numKeyValueHeads;
  }
}
