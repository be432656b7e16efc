package io.lenscast.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.model.clip.ClipVisionTower;
import io.lenscast.model.config.LlavaConfig;
import io.lenscast.model.hooks.Captures;
import io.lenscast.model.hooks.EmbeddingOverwrite;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.model.lens.LensLayer;
import io.lenscast.model.lens.LensSpec;
import io.lenscast.model.lens.LogitLens;
import io.lenscast.model.lens.ResidualListener;
import io.lenscast.model.llama.AttentionMask;
import io.lenscast.model.llama.KvCache;
import io.lenscast.model.llama.LlamaDecoder;
import io.lenscast.model.weights.CheckpointReader;
import io.lenscast.model.weights.ModelFolder;
import io.lenscast.model.weights.RandomTensors;
import io.lenscast.model.weights.TensorSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * LLaVA-1.5 (CLIP ViT + MLP projector + Llama) on DJL's PyTorch engine, written as explicit
 * NDArray ops so every activation can be captured or intervened on. Owns the weights (one base
 * manager, capped after loading so nothing can leak into it); every run works in a sub-manager
 * of the caller's manager, and what it returns lives there.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (LlavaModel model = LlavaModel.load(dir, ModelOptions.defaults());
 *      NDManager m = NDManager.newBaseManager()) {
 *   RunSpec spec = RunSpec.plain().withLens(LensSpec.visualAndLast(5), layer -> emit(layer));
 *   ForwardResult r = model.forward(m, pixels, inputIds, spec);
 *   float[] logits = r.logits(0);
 * }
 * }</pre>
 * Inputs: {@code pixelValues} is one preprocessed image [3 * S * S] (CHW, S = image_size);
 * {@code inputIds} hold exactly one image token, which is replaced by the 576 visual tokens, so
 * {@code imageStart} = the index of that token and the sequence has {@code ids.length - 1 + 576}
 * positions.
 */
public final class LlavaModel implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;
  private final LlavaConfig config;
  private final NDManager manager;
  private final DataType dtype;
  private final ClipVisionTower vision;
  private final Projector projector;
  private final LlamaDecoder decoder;
  private final LogitLens lens;
  private final int eosTokenId;

  private LlavaModel(Path folder, LlavaConfig config, NDManager manager, DataType dtype,
      ClipVisionTower vision, Projector projector, LlamaDecoder decoder, int eosTokenId) {
    this.folder = folder;
    this.config = config;
    this.manager = manager;
    this.dtype = dtype;
    this.vision = vision;
    this.projector = projector;
    this.decoder = decoder;
    this.lens = new LogitLens(decoder.finalNorm(), decoder.lmHead().weight());
    this.eosTokenId = eosTokenId;
  }

  /**
   * Loads a model folder (plain, HF cache repo or snapshot); see {@link ModelFolder}.
   *
   * @throws ModelFormatException for a folder that is not a loadable LLaVA checkpoint
   */
  public static LlavaModel load(Path dir, ModelOptions options) throws IOException {
    ModelFolder mf = ModelFolder.resolve(dir);
    LlavaConfig config = LlavaConfig.read(mf.config());
    Device device = pickDevice(options);
    DataType dtype = pickDtype(options, device);
    NDManager manager = NDManager.newBaseManager(device);
    try (CheckpointReader reader = new CheckpointReader(mf)) {
      return build(mf.dir(), config, reader, manager, dtype, eosOf(mf, config));
    } catch (IOException | RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /**
   * A model of {@code config}'s shape with random weights, built in memory (benchmarks of a
   * named size; see {@link SyntheticSizes}). The seed goes to the engine's generator.
   */
  public static LlavaModel synthetic(LlavaConfig config, long seed, ModelOptions options) {
    Device device = pickDevice(options);
    DataType dtype = pickDtype(options, device);
    Engine.getInstance().setRandomSeed((int) seed);
    NDManager manager = NDManager.newBaseManager(device);
    try {
      return build(null, config, new RandomTensors(), manager, dtype,
          config.text().eosTokenId());
    } catch (IOException | RuntimeException e) {
      manager.close();
      throw new IllegalStateException("cannot build a synthetic model: " + e.getMessage(), e);
    }
  }

  private static LlavaModel build(Path dir, LlavaConfig config, TensorSource source,
      NDManager manager, DataType dtype, int eos) throws IOException {
    LlavaWeightsLoader loader = new LlavaWeightsLoader(source, manager, dtype);
    ClipVisionTower vision = loader.vision(config.vision());
    Projector projector = loader.projector(config);
    LlamaDecoder decoder = loader.decoder(config.text());
    manager.cap();
    return new LlavaModel(dir, config, manager, dtype, vision, projector, decoder, eos);
  }

  private static Device pickDevice(ModelOptions options) {
    boolean gpu = switch (options.device()) {
      case "gpu" -> true;
      case "cpu" -> false;
      default -> Engine.getInstance().getGpuCount() > 0;
    };
    if (gpu && Engine.getInstance().getGpuCount() == 0) {
      throw new IllegalArgumentException("device gpu requested but DJL sees no GPU");
    }
    return gpu ? Device.gpu() : Device.cpu();
  }

  private static DataType pickDtype(ModelOptions options, Device device) {
    return switch (options.dtype()) {
      case "float32" -> DataType.FLOAT32;
      case "float16" -> DataType.FLOAT16;
      default -> device.isGpu() ? DataType.FLOAT16 : DataType.FLOAT32;
    };
  }

  private static int eosOf(ModelFolder mf, LlavaConfig config) throws IOException {
    Path gen = mf.generationConfig();
    if (Files.isRegularFile(gen)) {
      JsonNode eos = JSON.readTree(Files.readAllBytes(gen)).get("eos_token_id");
      if (eos != null && eos.isInt()) {
        return eos.intValue();
      }
      if (eos != null && eos.isArray() && eos.size() > 0) {
        return eos.get(0).intValue();
      }
    }
    return config.text().eosTokenId();
  }

  public LlavaConfig config() {
    return config;
  }

  /** The checkpoint folder, or null for a synthetic model. */
  public Path folder() {
    return folder;
  }

  /** "cpu" or "cuda:N". */
  public String device() {
    Device d = manager.getDevice();
    return d.isGpu() ? "cuda:" + d.getDeviceId() : "cpu";
  }

  /** "float32" or "float16". */
  public String dtype() {
    return dtype == DataType.FLOAT16 ? "float16" : "float32";
  }

  public int eosTokenId() {
    return eosTokenId;
  }

  /** Decoder layers; lens layers are 0..numLayers (numLayers + 1 of them). */
  public int numLayers() {
    return decoder.numLayers();
  }

  /** Arrays held by the model itself (its weights); constant after loading. */
  public int weightArrayCount() {
    return manager.getManagedArrays().size();
  }

  /** The lens as a pure function, for callers that run it over captured residuals. */
  public LogitLens lens() {
    return lens;
  }

  /** Index of the single image token in {@code inputIds}; IllegalArgumentException otherwise. */
  public int imageStart(int[] inputIds) {
    int found = -1;
    for (int i = 0; i < inputIds.length; i++) {
      if (inputIds[i] == config.imageTokenIndex()) {
        if (found >= 0) {
          throw new IllegalArgumentException("input ids hold more than one image token ("
              + config.imageTokenIndex() + ")");
        }
        found = i;
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException("input ids hold no image token ("
          + config.imageTokenIndex() + ")");
    }
    return found;
  }

  /** Positions of the merged sequence for these ids. */
  public int sequenceLength(int[] inputIds) {
    return inputIds.length - 1 + config.imageTokens();
  }

  /** Forward of one image and prompt. */
  public ForwardResult forward(NDManager m, float[] pixelValues, int[] inputIds, RunSpec spec) {
    return forwardBatch(m, new float[][] {pixelValues}, new int[][] {inputIds}, spec);
  }

  /**
   * Forward of a batch: images of the same size, prompts of equal length with the image token
   * at the same index. Interventions apply to every item.
   */
  public ForwardResult forwardBatch(NDManager m, float[][] pixelValues, int[][] inputIds,
      RunSpec spec) {
    try (NDManager scope = m.newSubManager(manager.getDevice());
         KvCache cache = new KvCache(scope, decoder.numLayers())) {
      Captures captures = new Captures(spec.captures(), m);
      NDArray embeds = inputsEmbeds(scope, pixelValues, inputIds, captures);
      int imageStart = imageStart(inputIds[0]);
      return prefill(m, embeds, imageStart, spec, captures, cache);
    }
  }

  /**
   * The projector's output for a batch of images: [B, 576, D] in {@code m} (the visual tokens
   * that replace the image token; e.g. the source of ablation mean vectors).
   */
  public NDArray projectImages(NDManager m, float[][] pixelValues) {
    try (NDManager scope = m.newSubManager(manager.getDevice())) {
      NDArray out = project(scope, pixelValues, new Captures(Set.of(), m));
      out.attach(m);
      return out;
    }
  }

  /**
   * The vision tower's selected features [B, 576, Dv] in {@code m}: the projector's input
   * (benchmarks time the tower and the projector apart with this and {@link #projector()}).
   */
  public NDArray visionFeatures(NDManager m, float[][] pixelValues) {
    try (NDManager scope = m.newSubManager(manager.getDevice())) {
      NDArray out = features(scope, pixelValues, new Captures(Set.of(), m));
      out.attach(m);
      return out;
    }
  }

  /** The multi-modal projector: [B, 576, Dv] features -> [B, 576, D] visual tokens. */
  public Projector projector() {
    return projector;
  }

  /**
   * The merged decoder input embeddings [B, T, D] in {@code m}, without interventions: the
   * starting point of integrated gradients (scale, set requiresGradient, then
   * {@link #forwardEmbeds}).
   */
  public NDArray inputsEmbeds(NDManager m, float[][] pixelValues, int[][] inputIds) {
    try (NDManager scope = m.newSubManager(manager.getDevice())) {
      NDArray out = inputsEmbeds(scope, pixelValues, inputIds, new Captures(Set.of(), m));
      out.attach(m);
      return out;
    }
  }

  /**
   * Runs the decoder from given input embeddings [B, T, D] (e.g. scaled ones that require
   * gradients); embedding overwrites in {@code spec} are applied out of place, so gradients flow
   * to the other positions.
   */
  public ForwardResult forwardEmbeds(NDManager m, NDArray embeds, int imageStart, RunSpec spec) {
    try (NDManager scope = m.newSubManager(manager.getDevice());
         KvCache cache = new KvCache(scope, decoder.numLayers())) {
      Captures captures = new Captures(spec.captures(), m);
      NDArray x = embeds.getDataType() == dtype ? embeds.duplicate() : embeds.toType(dtype, false);
      x.attach(scope);
      return prefill(m, x, imageStart, spec, captures, cache);
    }
  }

  /** Greedy generation of up to {@code maxNewTokens} for one image and prompt. */
  public GenerationResult generate(NDManager m, float[] pixelValues, int[] inputIds,
      RunSpec spec, int maxNewTokens) {
    return generateBatch(m, new float[][] {pixelValues}, new int[][] {inputIds}, spec,
        maxNewTokens);
  }

  /**
   * Greedy generation with a KV cache: the prefill (with the spec's captures, interventions and
   * lens) and then one token at a time, each item stopping at EOS, all stopping at
   * {@code maxNewTokens}.
   */
  public GenerationResult generateBatch(NDManager m, float[][] pixelValues, int[][] inputIds,
      RunSpec spec, int maxNewTokens) {
    if (maxNewTokens < 0) {
      throw new IllegalArgumentException("maxNewTokens must be >= 0, got " + maxNewTokens);
    }
    int batch = inputIds.length;
    try (NDManager scope = m.newSubManager(manager.getDevice());
         KvCache cache = new KvCache(scope, decoder.numLayers())) {
      Captures captures = new Captures(spec.captures(), m);
      NDArray embeds = inputsEmbeds(scope, pixelValues, inputIds, captures);
      ForwardResult prefill = prefill(m, embeds, imageStart(inputIds[0]), spec, captures, cache);
      int[][] tokens = new int[batch][maxNewTokens];
      int[] counts = new int[batch];
      boolean[] done = new boolean[batch];
      long[] next = argmax(prefill.logits());
      Captures none = new Captures(Set.of(), scope);
      for (int step = 0; step < maxNewTokens; step++) {
        boolean allDone = true;
        for (int b = 0; b < batch; b++) {
          if (!done[b]) {
            tokens[b][counts[b]++] = (int) next[b];
            done[b] = next[b] == eosTokenId;
          }
          allDone &= done[b];
        }
        if (allDone || step == maxNewTokens - 1) {
          break;
        }
        try (NDManager stepScope = scope.newSubManager()) {
          NDArray ids = stepScope.create(next, new Shape(batch, 1)); // [B, 1]
          NDArray stepEmbeds = decoder.embed(stepScope, ids); // [B, 1, D]
          NDArray hidden = decoder.forward(stepEmbeds, null, cache, none, null); // [B, 1, D]
          next = argmax(decoder.lastLogits(hidden)); // [B]
        }
      }
      int[][] out = new int[batch][];
      for (int b = 0; b < batch; b++) {
        out[b] = java.util.Arrays.copyOf(tokens[b], counts[b]);
      }
      return new GenerationResult(out, done, prefill);
    }
  }

  private static long[] argmax(NDArray logits) {
    try (NDArray ids = logits.argMax(-1)) {
      return ids.toType(DataType.INT64, false).toLongArray();
    }
  }

  /** Vision tower + projector: [B, 576, D] in {@code scope}. */
  private NDArray project(NDManager scope, float[][] pixelValues, Captures captures) {
    NDArray projected = projector.forward(features(scope, pixelValues, captures)); // [B, 576, D]
    captures.offer(HookPoint.PROJECTOR_OUT, projected);
    return projected;
  }

  /** Vision tower up to the selected layer, CLS dropped per the strategy: [B, 576, Dv]. */
  private NDArray features(NDManager scope, float[][] pixelValues, Captures captures) {
    int c = config.vision().numChannels();
    int s = config.vision().imageSize();
    int batch = pixelValues.length;
    float[] flat = new float[batch * c * s * s];
    for (int b = 0; b < batch; b++) {
      if (pixelValues[b].length != c * s * s) {
        throw new IllegalArgumentException("pixel values of image " + b + " have "
            + pixelValues[b].length + " floats, expected " + c + "x" + s + "x" + s);
      }
      System.arraycopy(pixelValues[b], 0, flat, b * c * s * s, c * s * s);
    }
    NDArray pixels = scope.create(flat, new Shape(batch, c, s, s)).toType(dtype, false);
    NDArray hidden = vision.hiddenState(pixels, config.visionFeatureStateIndex(), captures);
    return ClipVisionTower.select(hidden, config.visionFeatureSelectStrategy()); // [B, 576, Dv]
  }

  /** Text embeddings with the image token replaced by the visual tokens: [B, T, D]. */
  private NDArray inputsEmbeds(NDManager scope, float[][] pixelValues, int[][] inputIds,
      Captures captures) {
    if (pixelValues.length != inputIds.length || inputIds.length == 0) {
      throw new IllegalArgumentException("batch needs one prompt per image, got "
          + pixelValues.length + " images and " + inputIds.length + " prompts");
    }
    int imageStart = imageStart(inputIds[0]);
    int length = inputIds[0].length;
    long[] text = new long[inputIds.length * (length - 1)];
    for (int b = 0; b < inputIds.length; b++) {
      if (inputIds[b].length != length || imageStart(inputIds[b]) != imageStart) {
        throw new IllegalArgumentException("batched prompts must have equal length and the "
            + "image token at the same index");
      }
      for (int i = 0, j = 0; i < length; i++) {
        if (i != imageStart) {
          int id = inputIds[b][i];
          if (id < 0 || id >= config.text().vocabSize()) {
            throw new IllegalArgumentException("token id " + id + " outside the vocabulary 0.."
                + (config.text().vocabSize() - 1));
          }
          text[b * (length - 1) + j++] = id;
        }
      }
    }
    NDArray image = project(scope, pixelValues, captures); // [B, 576, D]
    NDArray ids = scope.create(text, new Shape(inputIds.length, length - 1)); // [B, T-1]
    NDArray textEmbeds = decoder.embed(scope, ids); // [B, T-1, D]
    NDList parts = new NDList();
    if (imageStart > 0) {
      parts.add(textEmbeds.get(new NDIndex(":, 0:" + imageStart + ", :"))); // [B, s, D]
    }
    parts.add(image);
    if (imageStart < length - 1) {
      parts.add(textEmbeds.get(new NDIndex(":, " + imageStart + ":, :"))); // [B, T-1-s, D]
    }
    return parts.size() == 1 ? image : NDArrays.concat(parts, 1); // [B, T, D]
  }

  /** Overwrites, layers (with masks, captures and lens), final logits. */
  private ForwardResult prefill(NDManager m, NDArray embeds, int imageStart, RunSpec spec,
      Captures captures, KvCache cache) {
    NDManager scope = embeds.getManager();
    int batch = (int) embeds.getShape().get(0);
    int length = (int) embeds.getShape().get(1);
    NDArray x = applyOverwrites(embeds, spec);
    captures.offer(HookPoint.INPUTS_EMBEDS, x);
    AttentionMask masks = new AttentionMask(scope, length, spec.blocks());
    ResidualListener listener = listenerFor(spec, imageStart, length);
    NDArray last = decoder.forward(x, masks, cache, captures, listener); // [B, T, D]
    if (captures.wants(HookPoint.FINAL_NORM)) {
      captures.offer(HookPoint.FINAL_NORM, decoder.finalNorm().apply(last));
    }
    NDArray logits = decoder.lastLogits(last); // [B, V]
    logits.attach(m);
    return new ForwardResult(logits, captures, imageStart, length, batch);
  }

  private NDArray applyOverwrites(NDArray embeds, RunSpec spec) {
    if (spec.overwrites().isEmpty()) {
      return embeds;
    }
    int length = (int) embeds.getShape().get(1);
    int dim = (int) embeds.getShape().get(2);
    float[] keep = new float[length];
    java.util.Arrays.fill(keep, 1f);
    float[] replacement = new float[length * dim];
    for (EmbeddingOverwrite o : spec.overwrites()) {
      if (o.vector().length != dim) {
        throw new IllegalArgumentException("overwrite vector has " + o.vector().length
            + " values, the model's hidden size is " + dim);
      }
      for (int p : o.positions()) {
        if (p < 0 || p >= length) {
          throw new IllegalArgumentException("overwrite position " + p + " outside 0.."
              + (length - 1));
        }
        keep[p] = 0f;
        System.arraycopy(o.vector(), 0, replacement, p * dim, dim);
      }
    }
    NDManager scope = embeds.getManager();
    NDArray keepNd = scope.create(keep, new Shape(1, length, 1)).toType(dtype, false);
    NDArray replNd = scope.create(replacement, new Shape(1, length, dim)).toType(dtype, false);
    return embeds.mul(keepNd).add(replNd); // [B, T, D]
  }

  private ResidualListener listenerFor(RunSpec spec, int imageStart, int length) {
    ResidualListener user = spec.residualListener();
    if (spec.lens() == null) {
      return user;
    }
    LensSpec ls = spec.lens();
    int[] positions = ls.resolve(imageStart, config.imageTokens(), length);
    int numLayers = decoder.numLayers() + 1;
    return (layer, residual) -> {
      if (user != null) {
        user.onResidual(layer, residual);
      }
      long batch = residual.getShape().get(0);
      for (int b = 0; b < batch; b++) {
        try (NDArray item = residual.get(new NDIndex(b))) { // [T, D]
          LensLayer out = lens.apply(item, positions, ls.topK(), ls.chunkSize(), layer,
              numLayers, b);
          spec.lensListener().onLayer(out);
        }
      }
    };
  }

  @Override
  public void close() {
    manager.close();
  }
}
