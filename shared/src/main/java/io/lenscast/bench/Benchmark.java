package io.lenscast.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.lenscast.image.PreprocessedImage;
import io.lenscast.model.ForwardResult;
import io.lenscast.model.GenerationResult;
import io.lenscast.model.LlavaModel;
import io.lenscast.model.RunSpec;
import io.lenscast.model.lens.LensSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Times one model on one input the way a job runs it, stage by stage: preprocessing, the vision
 * tower, the projector, the decoder (a plain forward split at its first layer), the logit lens
 * (inside a forward with the lens, see {@link LensClock}), greedy generation (split at the end
 * of its prefill for tokens/s), plus the bare unembedding matmuls the lens cannot avoid, timed
 * right after the lens in the same repeat. Warm-up rounds are run and dropped; every number is
 * the median over the timed repeats. Each repeat works in its own NDManager, closed at its end.
 */
public final class Benchmark {
  private final LlavaModel model;
  private final BenchInput input;
  private final BenchOptions options;

  public Benchmark(LlavaModel model, BenchInput input, BenchOptions options) {
    this.model = model;
    this.input = input;
    this.options = options;
  }

  /** One timed repeat. */
  private record Sample(double preprocessMs, double visionMs, double projectorMs,
                        double forwardMs, double decoderMs, double forwardWithLensMs,
                        double lensMs, double matmulMs, int lensLayers, int lensPositions,
                        double generateMs, double decodeMs, int generatedTokens) {}

  public BenchReport run() {
    double loadBefore = ProcessMemory.loadAverage();
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < options.warmup() + options.repeats(); i++) {
      Sample s = once();
      if (i >= options.warmup()) {
        samples.add(s);
      }
    }
    return report(samples, loadBefore);
  }

  private Sample once() {
    Device device = model.lens().lmHead().getDevice();
    int[] ids = input.inputIds();
    long t = System.nanoTime();
    PreprocessedImage pre = input.processor().process(input.image());
    double preprocessMs = msSince(t);
    float[][] pixels = {pre.pixelValues()};
    try (NDManager m = NDManager.newBaseManager(device)) {
      t = System.nanoTime();
      NDArray features = model.visionFeatures(m, pixels); // [1, 576, Dv]
      DeviceSync.await(features);
      double visionMs = msSince(t);
      t = System.nanoTime();
      NDArray visual = model.projector().forward(features); // [1, 576, D]
      DeviceSync.await(visual);
      double projectorMs = msSince(t);
      visual.close();
      features.close();

      LayerMark decoderStart = new LayerMark(0);
      t = System.nanoTime();
      ForwardResult plain = model.forward(m, pixels[0], ids,
          RunSpec.plain().withResidualListener(decoderStart));
      DeviceSync.await(plain.logits());
      long end = System.nanoTime();
      double forwardMs = (end - t) / 1e6;
      double decoderMs = decoderStart.msUntil(end);
      plain.logits().close();

      LensClock clock = new LensClock();
      RunSpec withLens = RunSpec.plain().withResidualListener(clock)
          .withLens(new LensSpec(options.topK(), options.chunkSize(), null), clock);
      t = System.nanoTime();
      ForwardResult lensed = model.forward(m, pixels[0], ids, withLens);
      DeviceSync.await(lensed.logits());
      double forwardWithLensMs = msSince(t);
      lensed.logits().close();
      double matmulMs = new BareUnembedding(model.lens().lmHead())
          .timeMs(m, clock.positions(), clock.layers(), options.chunkSize());

      LayerMark prefillEnd = new LayerMark(model.numLayers());
      t = System.nanoTime();
      GenerationResult gen = model.generate(m, pixels[0], ids,
          RunSpec.plain().withResidualListener(prefillEnd), options.generateTokens());
      end = System.nanoTime();
      return new Sample(preprocessMs, visionMs, projectorMs, forwardMs, decoderMs,
          forwardWithLensMs, clock.totalMs(), matmulMs, clock.layers(), clock.positions(),
          (end - t) / 1e6, prefillEnd.msUntil(end), gen.tokens(0).length);
    }
  }

  private BenchReport report(List<Sample> samples, double loadBefore) {
    Map<String, Double> stages = new LinkedHashMap<>();
    stages.put("preprocess", median(samples, Sample::preprocessMs));
    stages.put("vision", median(samples, Sample::visionMs));
    stages.put("projector", median(samples, Sample::projectorMs));
    stages.put("decoder", median(samples, Sample::decoderMs));
    stages.put("lens", median(samples, Sample::lensMs));
    stages.put("generate", median(samples, Sample::generateMs));
    Sample first = samples.get(0);
    int tokens = first.generatedTokens();
    double decodeMs = median(samples, Sample::decodeMs);
    double tokensPerSecond = tokens > 1 ? (tokens - 1) / (decodeMs / 1000.0) : Double.NaN;
    Device device = model.lens().lmHead().getDevice();
    return new BenchReport(input.modelLabel(), input.imageLabel(), model.device(), model.dtype(),
        model.sequenceLength(input.inputIds()), first.lensPositions(), first.lensLayers(),
        options.topK(), options.chunkSize(), options.warmup(), options.repeats(), stages,
        median(samples, Sample::forwardMs), median(samples, Sample::forwardWithLensMs),
        median(samples, Sample::matmulMs),
        median(samples, s -> s.lensMs() / s.matmulMs()),
        median(samples, s -> s.forwardWithLensMs() / s.forwardMs()),
        tokens, decodeMs, tokensPerSecond, ProcessMemory.peakRssMb(),
        ProcessMemory.peakHeapMb(), ProcessMemory.gpuUsedMb(device),
        Runtime.getRuntime().availableProcessors(), loadBefore, ProcessMemory.loadAverage());
  }

  private static double msSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  private static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
    double[] v = samples.stream().mapToDouble(value).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
  }
}
