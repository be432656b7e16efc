package io.lenscast.analysis.ablation;

import io.lenscast.analysis.geometry.GridCells;

/**
 * One ablation condition of a job, as data: which visual tokens get overwritten. {@link #name()}
 * is the canonical spelling used in events ({@code none}, {@code object_b1}, {@code register},
 * {@code random_40}, {@code ig_40}, {@code cells:200-207}).
 */
public sealed interface AblationCondition {
  String name();

  /** No ablation: the baseline itself. */
  record None() implements AblationCondition {
    @Override
    public String name() {
      return "none";
    }
  }

  /** The object's cells with a buffer of {@code buffer} 8-neighbourhood dilations. */
  record ObjectTokens(int buffer) implements AblationCondition {
    @Override
    public String name() {
      return "object_b" + buffer;
    }
  }

  /** High-norm ("register") tokens: embedding L2 norm above mean + 2 std of the image's. */
  record Register() implements AblationCondition {
    @Override
    public String name() {
      return "register";
    }
  }

  /** {@code count} cells drawn uniformly without replacement with the job's seed. */
  record RandomCells(int count) implements AblationCondition {
    @Override
    public String name() {
      return "random_" + count;
    }
  }

  /**
   * The {@code count} cells with the highest integrated-gradients attribution of the "Yes"
   * logit. {@code bosTarget} is the reference's variant ({@code ig_bos_N}), whose target is
   * {@code encode("Yes")[0]}, the BOS token (PAPER.md bug 1).
   */
  record IntegratedGradients(int count, boolean bosTarget) implements AblationCondition {
    @Override
    public String name() {
      return (bosTarget ? "ig_bos_" : "ig_") + count;
    }
  }

  /** Cells named explicitly. */
  record ExplicitCells(GridCells cells) implements AblationCondition {
    @Override
    public String name() {
      return "cells:" + CellList.format(cells);
    }
  }
}
