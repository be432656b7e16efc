package io.lenscast.job;

import ai.djl.ndarray.NDManager;
import io.lenscast.events.JobEvent;
import io.lenscast.image.PreprocessedImage;
import io.lenscast.model.ForwardResult;
import io.lenscast.model.LlavaModel;
import io.lenscast.text.LlavaTokenizer;

/**
 * Everything an {@link AnalysisStage} needs about a job once the baseline (lens) forward has run:
 * the job, the loaded model and tokenizer, the preprocessed image (with its crop geometry for
 * mapping object boxes to grid cells), the token ids with the image block's start, the baseline
 * forward (last-position logits and the hooks the stages asked to capture), the clean answer every
 * intervened run is compared with (that same run, so computed once per job), the job's top-k, the
 * job's NDManager (closed when the job ends), the timer for the stage's own time and the job's
 * progress (advanced once per intervened run).
 */
public record JobContext(
    JobEvent job,
    LlavaModel model,
    LlavaTokenizer tokenizer,
    PreprocessedImage image,
    int[] inputIds,
    int imageStart,
    ForwardResult baseline,
    CleanRun clean,
    int topK,
    NDManager manager,
    StageTimer timer,
    JobProgress progress) {

  public String jobId() {
    return job.jobId();
  }
}
