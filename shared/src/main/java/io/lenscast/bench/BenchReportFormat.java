package io.lenscast.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link BenchReport} for people (an aligned table) or for tools (one JSON object,
 * numbers rounded to microseconds, NaN written as null).
 */
public final class BenchReportFormat {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchReportFormat() {}

  public static ObjectNode json(BenchReport r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("model", r.model());
    o.put("image", r.image());
    o.put("device", r.device());
    o.put("dtype", r.dtype());
    o.put("sequenceLength", r.sequenceLength());
    o.put("lensPositions", r.lensPositions());
    o.put("lensLayers", r.lensLayers());
    o.put("topK", r.topK());
    o.put("chunkSize", r.chunkSize());
    o.put("warmup", r.warmup());
    o.put("repeats", r.repeats());
    ObjectNode stages = o.putObject("stagesMs");
    r.stagesMs().forEach((k, v) -> number(stages, k, v));
    number(o, "forwardMs", r.forwardMs());
    number(o, "forwardWithLensMs", r.forwardWithLensMs());
    number(o, "lensMatmulMs", r.lensMatmulMs());
    number(o, "lensOverheadVsMatmul", r.lensOverheadVsMatmul());
    o.put("lensOverheadTarget", BenchReport.LENS_MATMUL_TARGET);
    number(o, "lensOverheadVsForward", r.lensOverheadVsForward());
    o.put("generatedTokens", r.generatedTokens());
    number(o, "decodeMs", r.decodeMs());
    number(o, "tokensPerSecond", r.tokensPerSecond());
    number(o, "peakMemoryMb", r.peakMemoryMb());
    number(o, "peakHeapMb", r.peakHeapMb());
    number(o, "gpuMemoryUsedMb", r.gpuMemoryUsedMb());
    o.put("cpuCores", r.cpuCores());
    number(o, "loadAverageBefore", r.loadAverageBefore());
    number(o, "loadAverageAfter", r.loadAverageAfter());
    return o;
  }

  private static void number(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, Math.round(v * 1000.0) / 1000.0);
    } else {
      o.putNull(field);
    }
  }

  public static String table(BenchReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append(f("lenscast bench: %s on %s (%s), image %s%n", r.model(), r.device(), r.dtype(),
        r.image()));
    sb.append(f("%d positions; lens top-%d at %d positions x %d layers in chunks of %d%n",
        r.sequenceLength(), r.topK(), r.lensPositions(), r.lensLayers(), r.chunkSize()));
    sb.append(f("median of %d repeats after %d warm-up; %d cores, load %.1f -> %.1f%n%n",
        r.repeats(), r.warmup(), r.cpuCores(), r.loadAverageBefore(), r.loadAverageAfter()));
    sb.append(f("  %-12s %12s%n", "stage", "ms"));
    for (Map.Entry<String, Double> e : r.stagesMs().entrySet()) {
      String note = switch (e.getKey()) {
        case "decoder" -> "  (prefill, no lens)";
        case "lens" -> "  (all layers, inside the forward)";
        case "generate" -> "  (" + r.generatedTokens() + " new tokens, prefill included)";
        default -> "";
      };
      sb.append(f("  %-12s %12.1f%s%n", e.getKey(), e.getValue(), note));
    }
    sb.append('\n');
    sb.append(f("forward alone %.1f ms, with lens %.1f ms: lensOverheadVsForward %.3f%n",
        r.forwardMs(), r.forwardWithLensMs(), r.lensOverheadVsForward()));
    sb.append(f("lens %.1f ms vs bare unembedding matmuls %.1f ms: lensOverheadVsMatmul %.3f "
        + "(target <= %.2f: %s)%n", r.stagesMs().get("lens"), r.lensMatmulMs(),
        r.lensOverheadVsMatmul(), BenchReport.LENS_MATMUL_TARGET,
        r.lensWithinTarget() ? "met" : "NOT met"));
    sb.append(f("greedy decoding: %d tokens after the prefill in %.1f ms: %.1f tokens/s%n",
        Math.max(0, r.generatedTokens() - 1), r.decodeMs(), r.tokensPerSecond()));
    sb.append(f("peak memory: %.0f MB resident (Java heap peak %.0f MB)%s%n", r.peakMemoryMb(),
        r.peakHeapMb(), Double.isFinite(r.gpuMemoryUsedMb())
            ? f("; GPU in use %.0f MB", r.gpuMemoryUsedMb()) : ""));
    return sb.toString();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
