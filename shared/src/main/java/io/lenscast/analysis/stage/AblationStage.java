package io.lenscast.analysis.stage;

import ai.djl.ndarray.NDArray;
import io.lenscast.analysis.ablation.AblationCondition;
import io.lenscast.analysis.ablation.AblationTarget;
import io.lenscast.analysis.ablation.ConditionResolver;
import io.lenscast.analysis.ablation.MeanVector;
import io.lenscast.analysis.ablation.RegisterTokens;
import io.lenscast.analysis.ablation.ResolvedAblation;
import io.lenscast.analysis.attribution.IntegratedGradients;
import io.lenscast.analysis.geometry.GridCells;
import io.lenscast.analysis.plan.AblationPlan;
import io.lenscast.analysis.plan.TargetObject;
import io.lenscast.events.AblationEvent;
import io.lenscast.events.Event;
import io.lenscast.events.EventSink;
import io.lenscast.events.JobEvent;
import io.lenscast.events.Outcome;
import io.lenscast.events.Schemas;
import io.lenscast.job.AnalysisStage;
import io.lenscast.job.JobContext;
import io.lenscast.job.JobFailedException;
import io.lenscast.model.RunSpec;
import io.lenscast.model.hooks.EmbeddingOverwrite;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.text.PromptRejectedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Object-token ablation (the paper's Experiment A) for one job: the task is answered once
 * without ablation and once per condition with the chosen visual input embeddings overwritten
 * by the replacement vector before decoder layer 0 (in the prefill's KV cache during
 * generation), and one {@code lenscast.ablation} event per condition carries both outcomes.
 */
public final class AblationStage implements AnalysisStage {
  /** Grid assumed while validating, before the model is known (LLaVA-1.5's 24x24). */
  private static final int DEFAULT_GRID = 24;

  @Override
  public String name() {
    return "ablation";
  }

  @Override
  public boolean appliesTo(JobEvent job) {
    return job.analyses() != null && job.analyses().ablation() != null;
  }

  @Override
  public void validate(JobEvent job) throws JobFailedException {
    AblationPlan plan = plan(job, DEFAULT_GRID);
    try {
      if (plan.needsObject() && TargetObject.of(job) == null) {
        throw bad("object conditions need an object (--object with --bbox or --polygon)");
      }
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    if (plan.needsIntegratedGradients() && job.className() == null) {
      throw bad("ig_N needs the job's class (--class)");
    }
    if (plan.meanVectorPath() != null) {
      meanVector(plan);
    }
  }

  @Override
  public int steps(JobEvent job, int numLayers) {
    return job.analyses().ablation().conditions().size();
  }

  @Override
  public Set<HookPoint> captures() {
    return Set.of(HookPoint.PROJECTOR_OUT);
  }

  @Override
  public void run(JobContext ctx, EventSink sink) throws JobFailedException {
    int grid = ctx.model().config().vision().gridSize();
    AblationPlan plan = plan(ctx.job(), grid);
    GridCells object = ObjectCells.of(ctx);
    NDArray projector = ctx.baseline().capture(HookPoint.PROJECTOR_OUT);  // [1, 576, D]
    int dim = (int) projector.getShape().get(2);
    float[] visual = projector.toFloatArray();  // [576 * D]
    MeanVector replacement = replacement(plan, visual, dim);
    AblationTarget target = new AblationTarget(grid, grid, ctx.imageStart(), object, plan.seed(),
        () -> RegisterTokens.rowNorms(visual, dim),
        bos -> new IgScorer(ctx.model(), ctx.tokenizer()).visualScores(ctx.manager(),
            ctx.image().pixelValues(), ctx.job().className(), replacement.values(), bos,
            IntegratedGradients.PAPER_STEPS));
    TaskOutcomes outcomes;
    try {
      outcomes = new TaskOutcomes(ctx);
    } catch (PromptRejectedException e) {
      throw bad(e.getMessage());
    }
    Outcome baseline = outcomes.clean();
    for (AblationCondition condition : plan.conditions()) {
      ResolvedAblation r;
      try {
        r = ConditionResolver.resolve(condition, target);
      } catch (IllegalArgumentException e) {
        throw bad(e.getMessage());
      }
      Outcome ablated = r.cells().isEmpty() ? baseline : outcomes.run(RunSpec.plain()
          .withOverwrite(new EmbeddingOverwrite(r.positions(), replacement.values())));
      sink.emit(new AblationEvent(Schemas.ABLATION, Event.VERSION, ctx.jobId(), r.condition(),
          outcomes.taskId(), r.positions(), r.cells().indices(), plan.replacement(),
          replacement.sha256(), r.seed(), baseline, ablated));
      ctx.progress().advance();
    }
  }

  private static MeanVector replacement(AblationPlan plan, float[] visual, int dim)
      throws JobFailedException {
    MeanVector v = switch (plan.replacement()) {
      case AblationPlan.ZERO -> MeanVector.zero(dim);
      case AblationPlan.IMAGE_MEAN -> new MeanVector(imageMean(visual, dim), null,
          AblationPlan.IMAGE_MEAN);
      default -> meanVector(plan);
    };
    try {
      v.requireDim(dim);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    return v;
  }

  private static float[] imageMean(float[] visual, int dim) {
    double[] sum = new double[dim];
    int rows = visual.length / dim;
    for (int i = 0; i < visual.length; i++) {
      sum[i % dim] += visual[i];
    }
    float[] out = new float[dim];
    for (int k = 0; k < dim; k++) {
      out[k] = (float) (sum[k] / rows);
    }
    return out;
  }

  private static MeanVector meanVector(AblationPlan plan) throws JobFailedException {
    try {
      return MeanVector.load(Path.of(plan.meanVectorPath()));
    } catch (IOException e) {
      throw bad(e.getMessage());
    }
  }

  private static AblationPlan plan(JobEvent job, int grid) throws JobFailedException {
    try {
      return AblationPlan.of(job.analyses().ablation(), grid, grid);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  private static JobFailedException bad(String message) {
    return new JobFailedException(JobFailedException.BAD_ANALYSIS, message);
  }
}
