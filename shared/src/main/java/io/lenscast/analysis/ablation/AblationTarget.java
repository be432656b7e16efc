package io.lenscast.analysis.ablation;

import io.lenscast.analysis.geometry.GridCells;
import java.util.function.Supplier;

/**
 * What resolving a condition may need about one image: the grid, where the visual block
 * starts, the object's cells (buffer 0; null when the job names no object), the seed of random
 * conditions, and lazily the per-token embedding norms (register) and integrated-gradients
 * scores (ig_N), which cost a forward or 50 backward passes and are computed at most once.
 */
public final class AblationTarget {
  private final int rows;
  private final int cols;
  private final int imageStart;
  private final GridCells objectCells;
  private final long seed;
  private final Supplier<float[]> norms;
  private final IgScores igScores;
  private float[] normsCache;
  private final java.util.Map<Boolean, double[]> igCache = new java.util.HashMap<>();

  /** Integrated-gradients importance of every visual cell for one "Yes" target variant. */
  @FunctionalInterface
  public interface IgScores {
    /** @param bosTarget the reference's BOS target instead of "Yes" */
    double[] compute(boolean bosTarget);
  }

  public AblationTarget(int rows, int cols, int imageStart, GridCells objectCells, long seed,
      Supplier<float[]> norms, IgScores igScores) {
    this.rows = rows;
    this.cols = cols;
    this.imageStart = imageStart;
    this.objectCells = objectCells;
    this.seed = seed;
    this.norms = norms;
    this.igScores = igScores;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public int imageStart() {
    return imageStart;
  }

  public GridCells objectCells() {
    return objectCells;
  }

  public long seed() {
    return seed;
  }

  synchronized float[] norms() {
    if (normsCache == null) {
      normsCache = norms.get();
    }
    return normsCache;
  }

  synchronized double[] igScores(boolean bosTarget) {
    return igCache.computeIfAbsent(bosTarget, igScores::compute);
  }
}
