package io.lenscast.analysis.experiment;

import io.lenscast.analysis.dataset.LabeledImage;
import io.lenscast.job.JobFailedException;
import java.io.IOException;

/** Runs one dataset item of an experiment and says what became of it. */
interface ItemRunner {
  ExperimentRecord run(LabeledImage item, byte[] imageBytes)
      throws JobFailedException, IOException;
}
