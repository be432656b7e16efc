package io.lenscast.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.model.clip.ClipVisionTower;
import io.lenscast.model.config.LlavaConfig;
import io.lenscast.model.hooks.Captures;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.model.hooks.Overwrites;
import io.lenscast.model.lens.LensStream;
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
import java.util.Arrays;
import java.util.Set;

/**
 * LLaVA-1.5 (CLIP ViT + MLP projector + Llama) on DJL's PyTorch engine, written as explicit
 * NDArray ops so every activation can be captured or intervened on. Owns the weights (one base
 * manager, capped after loading so nothing can leak into it); every run works in a sub-manager
 * of the caller's manager, and what it returns lives there. Runs share nothing but the
 * read-only weights, so several threads may run the same model at once.
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
  private final InputMerger merger;
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
    this.merger = new InputMerger(config, vision, projector, decoder, dtype);
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
    return merger.imageStart(inputIds);
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
      Captures captures = new Captures(spec.captures(), m, spec.hookListener());
      NDArray embeds = merger.merge(scope, pixelValues, inputIds, captures);
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
      NDArray out = merger.project(scope, pixelValues, new Captures(Set.of(), m));
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
      NDArray out = merger.features(scope, pixelValues, new Captures(Set.of(), m));
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
      NDArray out = merger.merge(scope, pixelValues, inputIds, new Captures(Set.of(), m));
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
      Captures captures = new Captures(spec.captures(), m, spec.hookListener());
      embeds.tempAttach(scope);
      NDArray x = embeds.getDataType() == dtype ? embeds.add(0f) : embeds.toType(dtype, false);
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
      Captures captures = new Captures(spec.captures(), m, spec.hookListener());
      NDArray embeds = merger.merge(scope, pixelValues, inputIds, captures);
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
        out[b] = Arrays.copyOf(tokens[b], counts[b]);
      }
      return new GenerationResult(out, done, prefill);
    }
  }

  private static long[] argmax(NDArray logits) {
    try (NDArray ids = logits.argMax(-1)) {
      return ids.toType(DataType.INT64, false).toLongArray();
    }
  }

  /** Overwrites, layers (with masks, captures and lens), final logits. */
  private ForwardResult prefill(NDManager m, NDArray embeds, int imageStart, RunSpec spec,
      Captures captures, KvCache cache) {
    NDManager scope = embeds.getManager();
    int batch = (int) embeds.getShape().get(0);
    int length = (int) embeds.getShape().get(1);
    NDArray x = Overwrites.apply(embeds, spec.overwrites());
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

  private ResidualListener listenerFor(RunSpec spec, int imageStart, int length) {
    if (spec.lens() == null) {
      return spec.residualListener();
    }
    int[] positions = spec.lens().resolve(imageStart, config.imageTokens(), length);
    return new LensStream(lens, spec.lens(), spec.lensListener(), positions,
        decoder.numLayers() + 1, spec.residualListener());
  }

  @Override
  public void close() {
    manager.close();
  }
}
