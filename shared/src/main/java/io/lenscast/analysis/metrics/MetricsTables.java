package io.lenscast.analysis.metrics;

import java.util.List;
import java.util.Locale;

/** Plain-text tables of the paper's results, as {@code ./lenscast experiment} prints them. */
public final class MetricsTables {
  private MetricsTables() {}

  public static String ablation(List<AblationRow> rows) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%-24s %-9s %-9s %6s %9s %8s %7s  %s%n", "condition", "task", "scoring", "items",
        "base ok", "broken", "drop", "95% CI"));
    for (AblationRow r : rows) {
      sb.append(String.format(Locale.ROOT, "%-24s %-9s %-9s %6d %9d %8d %6.1f%%  [%.1f, %.1f]%n",
          r.condition(), r.task(), r.scoring(), r.items(), r.baselineCorrect(),
          r.becameIncorrect(), 100 * r.share(), 100 * r.interval().low(),
          100 * r.interval().high()));
    }
    return sb.toString();
  }

  public static String knockout(List<KnockoutRow> rows) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%-30s %-10s %-7s %-9s %6s %8s %6s %7s  %-14s %s%n", "edge set", "window", "layers",
        "scoring", "items", "base ok", "kept", "rel acc", "95% CI", "d p(correct)"));
    for (KnockoutRow r : rows) {
      sb.append(String.format(Locale.ROOT,
          "%-30s %-10s %-7s %-9s %6d %8d %6d %7.2f  [%.2f, %.2f]   %s%n", r.edgeSet(),
          r.window(), r.firstLayer() + "-" + r.lastLayer(), r.scoring(), r.items(),
          r.baselineCorrect(), r.knockedCorrect(), r.relativeAccuracy(), r.interval().low(),
          r.interval().high(), r.meanProbChange() == null ? "-"
              : String.format(Locale.ROOT, "%+.4f", r.meanProbChange())));
    }
    return sb.toString();
  }

  public static String lens(LensSummary s) {
    return String.format(Locale.ROOT,
        "images %d, lens layers %d%n"
            + "strict : best-layer share %.1f%%, best layer %s of %d (%d images with a match)%n"
            + "lenient: best-layer share %.1f%%, best layer %s of %d (%d images with a match)%n",
        s.images(), s.numLayers(), 100 * s.meanBestShareStrict(),
        layer(s.meanBestLayerStrict()), s.numLayers(), s.imagesWithStrictMatch(),
        100 * s.meanBestShareLenient(), layer(s.meanBestLayerLenient()), s.numLayers(),
        s.imagesWithLenientMatch());
  }

  private static String layer(Double l) {
    return l == null ? "-" : String.format(Locale.ROOT, "%.1f", l);
  }
}
