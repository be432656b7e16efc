package io.lenscast.analysis.ablation;

import io.lenscast.analysis.geometry.GridCells;

/** Turns an {@link AblationCondition} into the cells and positions to overwrite. */
public final class ConditionResolver {
  private ConditionResolver() {}

  /**
   * @throws IllegalArgumentException when the condition needs an object and the job has none
   */
  public static ResolvedAblation resolve(AblationCondition condition, AblationTarget target) {
    int rows = target.rows();
    int cols = target.cols();
    GridCells cells;
    Long seed = null;
    if (condition instanceof AblationCondition.None) {
      cells = GridCells.empty(rows, cols);
    } else if (condition instanceof AblationCondition.ObjectTokens o) {
      if (target.objectCells() == null) {
        throw new IllegalArgumentException("condition " + condition.name()
            + " needs an object (--object with --bbox or --polygon)");
      }
      cells = target.objectCells().dilate(o.buffer());
    } else if (condition instanceof AblationCondition.Register) {
      cells = RegisterTokens.select(target.norms(), rows, cols);
    } else if (condition instanceof AblationCondition.RandomCells r) {
      seed = target.seed();
      cells = RandomCells.sample(r.count(), seed, rows, cols);
    } else if (condition instanceof AblationCondition.IntegratedGradients ig) {
      cells = TopCells.top(target.igScores(ig.bosTarget()), ig.count(), rows, cols);
    } else if (condition instanceof AblationCondition.ExplicitCells e) {
      cells = e.cells();
    } else {
      throw new IllegalStateException("unhandled condition " + condition);
    }
    return new ResolvedAblation(condition.name(), cells, cells.positions(target.imageStart()),
        seed);
  }
}
