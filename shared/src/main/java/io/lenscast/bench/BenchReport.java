package io.lenscast.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code ./lenscast bench} reports: medians over the timed repeats of each stage
 * ({@code stagesMs}: preprocess, vision, projector, decoder, lens, generate), greedy decoding
 * speed, peak memory, and the lens overheads: {@code lensOverheadVsForward} = forward with the
 * lens / forward alone, {@code lensOverheadVsMatmul} = lens time / bare unembedding matmuls of
 * the same shapes (target at most {@link #LENS_MATMUL_TARGET}). Ratios are medians of the
 * per-repeat ratios, each measured back to back. NaN where a value does not apply.
 */
public record BenchReport(
    String model,
    String image,
    String device,
    String dtype,
    int sequenceLength,
    int lensPositions,
    int lensLayers,
    int topK,
    int chunkSize,
    int warmup,
    int repeats,
    Map<String, Double> stagesMs,
    double forwardMs,
    double forwardWithLensMs,
    double lensMatmulMs,
    double lensOverheadVsMatmul,
    double lensOverheadVsForward,
    int generatedTokens,
    double decodeMs,
    double tokensPerSecond,
    double peakMemoryMb,
    double peakHeapMb,
    double gpuMemoryUsedMb,
    int cpuCores,
    double loadAverageBefore,
    double loadAverageAfter) {

  public static final double LENS_MATMUL_TARGET = 1.30;

  public BenchReport {
    stagesMs = Collections.unmodifiableMap(new LinkedHashMap<>(stagesMs));
  }

  /** Whether the lens adds at most 30% to its unembedding matmuls. */
  public boolean lensWithinTarget() {
    return lensOverheadVsMatmul <= LENS_MATMUL_TARGET;
  }
}
