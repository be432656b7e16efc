package io.lenscast.job;

import io.lenscast.events.EventSink;

/**
 * Counts a lens-less job's steps (its baseline run, then each stage's intervened runs) and
 * reports each one to the sink's {@link EventSink#progress}. A job with the lens gets the
 * silent one: its layer events already stand for its progress, and consumers (the dashboard)
 * read a progress total as the number of layers.
 */
public final class JobProgress {
  private final EventSink sink;
  private final String jobId;
  private final int total;
  private int done;

  private JobProgress(EventSink sink, String jobId, int total) {
    this.sink = sink;
    this.jobId = jobId;
    this.total = total;
  }

  static JobProgress reporting(EventSink sink, String jobId, int total) {
    return new JobProgress(sink, jobId, total);
  }

  static JobProgress silent() {
    return new JobProgress(null, null, 0);
  }

  /** One more step done. */
  public void advance() {
    advanceTo(done + 1);
  }

  /** Everything up to {@code step} done (a stage that reported fewer steps than it named). */
  void advanceTo(int step) {
    int target = Math.min(step, total);
    if (target <= done) {
      return;
    }
    done = target;
    if (sink != null) {
      sink.progress(jobId, done, total);
    }
  }

  int done() {
    return done;
  }
}
