package io.lenscast.analysis.stage;

import io.lenscast.job.AnalysisStage;
import java.util.List;

/** The analysis stages a job processor runs after the baseline: ablation, then knockout. */
public final class AnalysisStages {
  private AnalysisStages() {}

  public static List<AnalysisStage> all() {
    return List.of(new AblationStage(), new KnockoutStage());
  }
}
