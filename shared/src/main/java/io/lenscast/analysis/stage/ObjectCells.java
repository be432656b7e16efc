package io.lenscast.analysis.stage;

import io.lenscast.analysis.geometry.GridCells;
import io.lenscast.analysis.geometry.ObjectShape;
import io.lenscast.analysis.geometry.ProcessorLocator;
import io.lenscast.analysis.plan.TargetObject;
import io.lenscast.job.JobContext;
import io.lenscast.job.JobFailedException;

/** The job's target object on the model's patch grid, through the crop the job's image got. */
final class ObjectCells {
  private ObjectCells() {}

  /** Buffer-0 cells of the target object, or null when the job has no object. */
  static GridCells of(JobContext ctx) throws JobFailedException {
    try {
      ObjectShape target = TargetObject.of(ctx.job());
      if (target == null) {
        return null;
      }
      return ProcessorLocator.locate(target, ctx.image().geometry(),
          ctx.model().config().vision().patchSize());
    } catch (IllegalArgumentException e) {
      throw new JobFailedException(JobFailedException.BAD_ANALYSIS, e.getMessage(), e);
    }
  }
}
