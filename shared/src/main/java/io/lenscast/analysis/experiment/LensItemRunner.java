package io.lenscast.analysis.experiment;

import io.lenscast.analysis.dataset.LabeledImage;
import io.lenscast.analysis.geometry.GridCells;
import io.lenscast.analysis.geometry.ProcessorLocator;
import io.lenscast.analysis.lens.ClassTokenMatcher;
import io.lenscast.analysis.lens.LensQuantifier;
import io.lenscast.analysis.stage.ClassToken;
import io.lenscast.events.JobEvent;
import io.lenscast.events.LayerEvent;
import io.lenscast.job.JobFailedException;
import io.lenscast.job.LlavaJobProcessor;

/**
 * Experiment B for one image: the logit-lens prompt, every layer's top-1 at the object's
 * patches (processor mapping) compared with the class's first sub-token.
 */
final class LensItemRunner implements ItemRunner {
  private final LlavaJobProcessor processor;
  private final ProcessorLocator locator;

  LensItemRunner(LlavaJobProcessor processor, ProcessorLocator locator) {
    this.processor = processor;
    this.locator = locator;
  }

  @Override
  public ExperimentRecord run(LabeledImage item, byte[] bytes) throws JobFailedException {
    if (item.target() == null) {
      return ExperimentRecord.skipped(item.key(), item.className(), "no target object");
    }
    GridCells cells;
    try {
      cells = locator.locate(item.target(), item.width(), item.height());
    } catch (IllegalArgumentException e) {
      return ExperimentRecord.skipped(item.key(), item.className(), e.getMessage());
    }
    ClassToken token = ClassToken.of(processor.tokenizer(), item.className());
    LensQuantifier q = new LensQuantifier(cells, new ClassTokenMatcher(item.className(),
        token.id()));
    JobEvent job = new JobEvent(io.lenscast.events.Schemas.JOB, 1, "exp-" + item.key()
        + "-lens", null, null, "lens", item.className(), null, null,
        new JobEvent.Analyses(new JobEvent.LogitLens(1), null, null, null), null, "experiment",
        item.key(), null);
    for (LayerEvent e : Jobs.only(Jobs.run(processor, job, bytes), LayerEvent.class)) {
      q.addLayer(e);
    }
    return new ExperimentRecord(item.key(), ExperimentRecord.DONE, null, item.className(), null,
        null, q.score());
  }
}
