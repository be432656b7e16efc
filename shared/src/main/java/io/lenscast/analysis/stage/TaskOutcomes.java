package io.lenscast.analysis.stage;

import ai.djl.ndarray.NDManager;
import io.lenscast.analysis.scoring.Score;
import io.lenscast.analysis.scoring.Scoring;
import io.lenscast.events.JobEvent;
import io.lenscast.events.Outcome;
import io.lenscast.job.CleanRun;
import io.lenscast.job.JobContext;
import io.lenscast.job.NextTokenTopK;
import io.lenscast.model.ForwardResult;
import io.lenscast.model.GenerationResult;
import io.lenscast.model.RunSpec;
import io.lenscast.text.PromptRejectedException;
import io.lenscast.text.PromptTemplates.Task;

/**
 * Runs a job's question under a set of interventions and turns the answer into an {@link Outcome}:
 * one forward and the argmax (VQA, or a free prompt without generation), or greedy generation
 * (describe: 200 tokens, polling: 10, unless the job sets {@code generate.maxNewTokens}; the count
 * comes with the job's {@link CleanRun}). The un-intervened outcome is the job's clean run, never
 * rerun here. Probabilities and the top-k are of the next-token distribution at the last prompt
 * position; both scorings are filled when the job names a class. Each run lives in its own
 * sub-manager, freed before returning.
 */
public final class TaskOutcomes {
  private final JobContext ctx;
  private final Task task;
  private final int newTokens;
  private final String className;
  private final ClassToken classToken;

  public TaskOutcomes(JobContext ctx) throws PromptRejectedException {
    this.ctx = ctx;
    JobEvent job = ctx.job();
    this.task = job.task() == null ? null : Task.parse(job.task());
    this.newTokens = ctx.clean().newTokens();
    this.className = job.className();
    this.classToken = className == null ? null : ClassToken.of(ctx.tokenizer(), className);
  }

  /** The task's name in events: the task id, or {@code prompt} for a free prompt. */
  public String taskId() {
    return task == null ? "prompt" : task.id();
  }

  /** The outcome without interventions: the job's clean run, as computed once for the job. */
  public Outcome clean() {
    return outcome(ctx.clean().logits(), ctx.clean().generated());
  }

  /** The outcome under {@code spec}'s interventions (a fresh run). */
  public Outcome run(RunSpec spec) {
    try (NDManager m = ctx.manager().newSubManager()) {
      float[] logits;
      int[] generated = null;
      if (newTokens > 0) {
        GenerationResult g = ctx.model().generate(m, ctx.image().pixelValues(), ctx.inputIds(),
            spec, newTokens);
        logits = g.prefill().logits(0);
        generated = g.tokens(0);
      } else {
        ForwardResult f = ctx.model().forward(m, ctx.image().pixelValues(), ctx.inputIds(),
            spec);
        logits = f.logits(0);
      }
      return outcome(logits, generated);
    }
  }

  private Outcome outcome(float[] logits, int[] generated) {
    double[] probs = softmax(logits);
    int argmax = 0;
    for (int i = 1; i < logits.length; i++) {
      if (logits[i] > logits[argmax]) {
        argmax = i;
      }
    }
    String answer;
    Object answerId;
    double prob;
    if (generated != null) {
      answer = ctx.tokenizer().decode(generated);
      answerId = generated;
      prob = generated.length == 0 ? 0 : probs[generated[0]];
    } else {
      answer = ctx.tokenizer().decode(new int[] {argmax});
      answerId = argmax;
      prob = probs[argmax];
    }
    Task scoredAs = task != null ? task : generated != null ? Task.DESCRIBE : Task.VQA;
    Score score = classToken == null ? Score.UNSCORED : Scoring.score(scoredAs, className,
        answer, argmax, classToken.id(), classToken.piece());
    Double correctProb = classToken == null ? null : probs[classToken.id()];
    return new Outcome(answer, answerId, score.corrected(), score.reference(), prob,
        correctProb, NextTokenTopK.of(logits, ctx.topK()));
  }

  private static double[] softmax(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    double[] p = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      p[i] = Math.exp(logits[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }
}
