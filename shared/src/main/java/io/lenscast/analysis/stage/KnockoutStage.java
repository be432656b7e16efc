package io.lenscast.analysis.stage;

import io.lenscast.analysis.geometry.GridCells;
import io.lenscast.analysis.knockout.BlockedEdges;
import io.lenscast.analysis.knockout.EdgeSet;
import io.lenscast.analysis.knockout.LayerWindow;
import io.lenscast.analysis.knockout.LayerWindows;
import io.lenscast.analysis.plan.KnockoutPlan;
import io.lenscast.analysis.plan.TargetObject;
import io.lenscast.events.Event;
import io.lenscast.events.EventSink;
import io.lenscast.events.JobEvent;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.Outcome;
import io.lenscast.events.Schemas;
import io.lenscast.job.AnalysisStage;
import io.lenscast.job.JobContext;
import io.lenscast.job.JobFailedException;
import io.lenscast.model.RunSpec;
import io.lenscast.model.hooks.AttentionBlock;
import io.lenscast.text.PromptRejectedException;

/**
 * Attention knockout (the paper's Experiment C) for one job: for every edge set x window the
 * task is answered with the edge set's queries unable to attend to its keys in those decoder
 * layers (probability exactly 0, the rest of the attention renormalised), and one
 * {@code lenscast.knockout} event carries the baseline and knocked-out outcomes.
 */
public final class KnockoutStage implements AnalysisStage {
  @Override
  public String name() {
    return "knockout";
  }

  @Override
  public boolean appliesTo(JobEvent job) {
    return job.analyses() != null && job.analyses().knockout() != null;
  }

  @Override
  public void validate(JobEvent job) throws JobFailedException {
    JobEvent.Knockout k = job.analyses().knockout();
    try {
      if (k.edgeSets() == null || k.edgeSets().isEmpty()) {
        throw new IllegalArgumentException("knockout needs at least one edge set");
      }
      boolean needsObject = false;
      for (String s : k.edgeSets()) {
        needsObject |= EdgeSet.parse(s).needsObject();
      }
      if (k.windows() != null) {
        k.windows().forEach(LayerWindows::checkSyntax);
      }
      if (needsObject && TargetObject.of(job) == null) {
        throw new IllegalArgumentException("object edge sets need an object (--object with"
            + " --bbox or --polygon)");
      }
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  @Override
  public int steps(JobEvent job, int numLayers) {
    try {
      KnockoutPlan plan = KnockoutPlan.of(job.analyses().knockout(), numLayers);
      return plan.edgeSets().size() * plan.windows().size();
    } catch (IllegalArgumentException e) {
      return 1;
    }
  }

  @Override
  public void run(JobContext ctx, EventSink sink) throws JobFailedException {
    KnockoutPlan plan;
    try {
      plan = KnockoutPlan.of(ctx.job().analyses().knockout(), ctx.model().numLayers());
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    int grid = ctx.model().config().vision().gridSize();
    GridCells object = plan.needsObject() ? ObjectCells.of(ctx) : null;
    TaskOutcomes outcomes;
    try {
      outcomes = new TaskOutcomes(ctx);
    } catch (PromptRejectedException e) {
      throw bad(e.getMessage());
    }
    Outcome baseline = outcomes.clean();
    int last = ctx.baseline().lastPosition();
    for (EdgeSet edges : plan.edgeSets()) {
      for (LayerWindow window : plan.windows()) {
        BlockedEdges b = edges.resolve(window, grid, grid, ctx.imageStart(), last, object);
        Outcome knocked = outcomes.run(RunSpec.plain().withBlock(new AttentionBlock(b.queries(),
            b.keys(), window.first(), window.last())));
        sink.emit(new KnockoutEvent(Schemas.KNOCKOUT, Event.VERSION, ctx.jobId(), edges.name(),
            window.layers(), window.name(), outcomes.taskId(), b.queries().length,
            b.keys().length, baseline, knocked));
        ctx.progress().advance();
      }
    }
  }

  private static JobFailedException bad(String message) {
    return new JobFailedException(JobFailedException.BAD_ANALYSIS, message);
  }
}
