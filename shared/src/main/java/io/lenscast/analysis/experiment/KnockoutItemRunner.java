package io.lenscast.analysis.experiment;

import io.lenscast.analysis.dataset.LabeledImage;
import io.lenscast.events.JobEvent;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.job.JobFailedException;
import io.lenscast.job.LlavaJobProcessor;
import java.util.List;

/**
 * Experiment C for one image: the VQA question with the class, every edge set in every
 * window. Baseline-incorrect items are recorded too; the metrics count only baseline-correct
 * ones, as the reference does by skipping the others.
 */
final class KnockoutItemRunner implements ItemRunner {
  private final LlavaJobProcessor processor;
  private final ExperimentSettings settings;

  KnockoutItemRunner(LlavaJobProcessor processor, ExperimentSettings settings) {
    this.processor = processor;
    this.settings = settings;
  }

  @Override
  public ExperimentRecord run(LabeledImage item, byte[] bytes) throws JobFailedException {
    if (Jobs.objects(item.target()) == null) {
      return ExperimentRecord.skipped(item.key(), item.className(),
          "target has no box or polygon (crowd RLE)");
    }
    if (item.question() == null) {
      return ExperimentRecord.skipped(item.key(), item.className(), "no clean question");
    }
    JobEvent.Analyses analyses = new JobEvent.Analyses(null, null,
        new JobEvent.Knockout(settings.edgeSets(), settings.windows()), null);
    List<KnockoutEvent> events = Jobs.only(Jobs.run(processor, Jobs.job("exp-" + item.key()
        + "-vqa", item, "vqa", item.question(), analyses), bytes), KnockoutEvent.class);
    return new ExperimentRecord(item.key(), ExperimentRecord.DONE, null, item.className(), null,
        events, null);
  }
}
