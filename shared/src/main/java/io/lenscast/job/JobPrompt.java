package io.lenscast.job;

import io.lenscast.events.JobEvent;
import io.lenscast.text.PromptRejectedException;
import io.lenscast.text.PromptTemplates;

/**
 * The text a job runs: its {@code prompt} verbatim, or the paper's template of its {@code task}
 * (with {@code class} / {@code question}). A job must name exactly one of the two.
 */
final class JobPrompt {
  private JobPrompt() {}

  static String of(JobEvent job) throws JobFailedException {
    boolean hasPrompt = job.prompt() != null;
    boolean hasTask = job.task() != null;
    if (hasPrompt == hasTask) {
      throw new JobFailedException(JobFailedException.BAD_JOB,
          "a job needs exactly one of prompt and task");
    }
    if (hasPrompt) {
      return job.prompt();
    }
    try {
      PromptTemplates.Task task = PromptTemplates.Task.parse(job.task());
      return PromptTemplates.forTask(task, job.className(), job.question());
    } catch (PromptRejectedException e) {
      throw new JobFailedException(JobFailedException.BAD_PROMPT, e.getMessage(), e);
    }
  }
}
