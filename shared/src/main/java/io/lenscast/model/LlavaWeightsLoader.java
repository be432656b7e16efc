package io.lenscast.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.lenscast.model.clip.ClipAttention;
import io.lenscast.model.clip.ClipEncoderLayer;
import io.lenscast.model.clip.ClipVisionTower;
import io.lenscast.model.config.ClipVisionConfig;
import io.lenscast.model.config.LlamaConfig;
import io.lenscast.model.config.LlavaConfig;
import io.lenscast.model.llama.LlamaAttention;
import io.lenscast.model.llama.LlamaDecoder;
import io.lenscast.model.llama.LlamaLayer;
import io.lenscast.model.llama.LlamaMlp;
import io.lenscast.model.llama.RmsNorm;
import io.lenscast.model.llama.Rope;
import io.lenscast.model.nn.LayerNorm;
import io.lenscast.model.nn.Linear;
import io.lenscast.model.weights.TensorSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the vision tower, projector and decoder from a checkpoint (or random weights), asking for every tensor by
 * its Hub name with the shape the config implies (so a wrong config or a truncated checkpoint is
 * refused with the tensor's name).
 */
final class LlavaWeightsLoader {
  private static final String VISION = "vision_tower.vision_model.";
  private static final String LM = "language_model.model.";

  private final TensorSource reader;
  private final NDManager manager;
  private final DataType dtype;

  LlavaWeightsLoader(TensorSource reader, NDManager manager, DataType dtype) {
    this.reader = reader;
    this.manager = manager;
    this.dtype = dtype;
  }

  private NDArray load(String name, long... shape) throws IOException {
    return reader.load(manager, name, dtype, shape);
  }

  private Linear linear(String prefix, long out, long in, boolean bias) throws IOException {
    return new Linear(load(prefix + ".weight", out, in), bias ? load(prefix + ".bias", out) : null);
  }

  private LayerNorm layerNorm(String prefix, long dim, double eps) throws IOException {
    return new LayerNorm(load(prefix + ".weight", dim), load(prefix + ".bias", dim), (float) eps);
  }

  ClipVisionTower vision(ClipVisionConfig c) throws IOException {
    long d = c.hiddenSize();
    long patchIn = (long) c.numChannels() * c.patchSize() * c.patchSize();
    NDArray patch = load(VISION + "embeddings.patch_embedding.weight", d, c.numChannels(),
        c.patchSize(), c.patchSize());
    Linear patchEmbedding = new Linear(patch.reshape(d, patchIn), null); // [Dv, C*p*p]
    NDArray cls = load(VISION + "embeddings.class_embedding", d);
    NDArray pos = load(VISION + "embeddings.position_embedding.weight", c.numPositions(), d);
    LayerNorm pre = layerNorm(VISION + "pre_layrnorm", d, c.layerNormEps());
    List<ClipEncoderLayer> layers = new ArrayList<>();
    for (int l = 0; l < c.numHiddenLayers(); l++) {
      String p = VISION + "encoder.layers." + l + ".";
      ClipAttention attn = new ClipAttention(
          linear(p + "self_attn.q_proj", d, d, true),
          linear(p + "self_attn.k_proj", d, d, true),
          linear(p + "self_attn.v_proj", d, d, true),
          linear(p + "self_attn.out_proj", d, d, true),
          c.numAttentionHeads(), c.headDim());
      layers.add(new ClipEncoderLayer(
          layerNorm(p + "layer_norm1", d, c.layerNormEps()), attn,
          layerNorm(p + "layer_norm2", d, c.layerNormEps()),
          linear(p + "mlp.fc1", c.intermediateSize(), d, true),
          linear(p + "mlp.fc2", d, c.intermediateSize(), true),
          c.hiddenAct()));
    }
    return new ClipVisionTower(c, patchEmbedding, cls, pos, pre, layers);
  }

  Projector projector(LlavaConfig c) throws IOException {
    long in = c.vision().hiddenSize();
    long d = c.text().hiddenSize();
    boolean bias = c.projectorBias();
    return new Projector(linear("multi_modal_projector.linear_1", d, in, bias),
        linear("multi_modal_projector.linear_2", d, d, bias));
  }

  LlamaDecoder decoder(LlamaConfig c) throws IOException {
    long d = c.hiddenSize();
    long qDim = (long) c.numAttentionHeads() * c.headDim();
    long kvDim = (long) c.numKeyValueHeads() * c.headDim();
    NDArray embed = load(LM + "embed_tokens.weight", c.vocabSize(), d);
    List<LlamaLayer> layers = new ArrayList<>();
    for (int l = 0; l < c.numHiddenLayers(); l++) {
      String p = LM + "layers." + l + ".";
      boolean ab = c.attentionBias();
      LlamaAttention attn = new LlamaAttention(
          linear(p + "self_attn.q_proj", qDim, d, ab),
          linear(p + "self_attn.k_proj", kvDim, d, ab),
          linear(p + "self_attn.v_proj", kvDim, d, ab),
          linear(p + "self_attn.o_proj", d, qDim, ab),
          c.numAttentionHeads(), c.numKeyValueHeads(), c.headDim(), l);
      boolean mb = c.mlpBias();
      LlamaMlp mlp = new LlamaMlp(
          linear(p + "mlp.gate_proj", c.intermediateSize(), d, mb),
          linear(p + "mlp.up_proj", c.intermediateSize(), d, mb),
          linear(p + "mlp.down_proj", d, c.intermediateSize(), mb));
      layers.add(new LlamaLayer(l,
          new RmsNorm(load(p + "input_layernorm.weight", d), c.rmsNormEps()), attn,
          new RmsNorm(load(p + "post_attention_layernorm.weight", d), c.rmsNormEps()), mlp));
    }
    RmsNorm norm = new RmsNorm(load(LM + "norm.weight", d), c.rmsNormEps());
    String head = "language_model.lm_head.weight";
    NDArray lmHead = !reader.has(head) && c.tieWordEmbeddings() ? embed
        : load(head, c.vocabSize(), d);
    return new LlamaDecoder(embed, layers, norm, new Linear(lmHead, null),
        new Rope(c.headDim(), c.ropeTheta(), c.ropeScaling(), c.maxPositionEmbeddings()));
  }
}
