package io.lenscast.job;

import io.lenscast.events.JobEvent;
import io.lenscast.text.PromptRejectedException;
import io.lenscast.text.PromptTemplates;
import java.util.List;

/**
 * A job's request checked against the processor's limits before any work: the prompt text,
 * whether the logit lens runs, the top-k (of the lens and of every outcome), how many tokens to
 * generate, and the analysis stages that apply to it (each having validated its own part of the
 * job). {@code newTokens} are the tokens the job asks to see in its result; {@code answerTokens}
 * those its task's answer takes (the asked number, else the paper's for the task), which every
 * intervened run and the clean run they are compared with generate.
 *
 * <p>Whether the lens runs is {@link JobEvent.Analyses#wantLens}: a plain job is a lens job; an
 * ablation-, knockout- or generation-only job gets no lens work and no layer events.
 */
record JobRequest(String prompt, boolean lens, int topK, int newTokens, int answerTokens,
    List<AnalysisStage> stages) {

  static JobRequest of(JobEvent job, ProcessorSettings settings, List<AnalysisStage> all)
      throws JobFailedException {
    if (job.jobId() == null || job.jobId().isBlank()) {
      throw new JobFailedException(JobFailedException.BAD_JOB, "the job has no jobId");
    }
    JobEvent.Analyses a = job.analyses();
    Integer k = a == null || a.logitLens() == null ? null : a.logitLens().topK();
    int topK = k == null ? settings.defaultTopK() : k;
    if (topK < 1 || topK > settings.maxTopK()) {
      throw new JobFailedException(JobFailedException.BAD_ANALYSIS,
          "logitLens.topK must be between 1 and " + settings.maxTopK() + ", got " + topK);
    }
    Integer n = a == null || a.generate() == null ? null : a.generate().maxNewTokens();
    int newTokens = n == null ? 0 : n;
    if (newTokens < 0 || newTokens > settings.maxNewTokens()) {
      throw new JobFailedException(JobFailedException.BAD_ANALYSIS,
          "generate.maxNewTokens must be between 0 and " + settings.maxNewTokens() + ", got "
              + newTokens);
    }
    List<AnalysisStage> stages = all.stream().filter(s -> s.appliesTo(job)).toList();
    if (a != null && (a.ablation() != null || a.knockout() != null) && stages.isEmpty()) {
      throw new JobFailedException(JobFailedException.BAD_ANALYSIS,
          "the job asks for " + (a.ablation() != null ? "ablation" : "knockout")
              + " but this processor has no stage that runs it");
    }
    for (AnalysisStage stage : stages) {
      stage.validate(job);
    }
    String prompt = JobPrompt.of(job);
    int answerTokens = n != null ? n : job.task() == null ? 0 : taskOf(job).paperNewTokens();
    return new JobRequest(prompt, JobEvent.Analyses.wantLens(a), topK, newTokens, answerTokens,
        stages);
  }

  /**
   * Tokens the baseline run generates: the task's answer when a stage compares against it (so
   * that run is the clean run too), else only what the job asks to see.
   */
  int runTokens() {
    return stages.isEmpty() ? newTokens : answerTokens;
  }

  private static PromptTemplates.Task taskOf(JobEvent job) throws JobFailedException {
    try {
      return PromptTemplates.Task.parse(job.task());
    } catch (PromptRejectedException e) {
      throw new JobFailedException(JobFailedException.BAD_PROMPT, e.getMessage(), e);
    }
  }
}
