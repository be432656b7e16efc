package io.lenscast.worker;

import io.lenscast.events.JobEvent;

/** What the worker made of one message on the jobs topic: a runnable job or a rejection. */
public sealed interface Intake permits Intake.Accepted, Intake.Rejected {

  /** A valid job, its {@code jobId} set. */
  record Accepted(JobEvent job) implements Intake {}

  /**
   * A message that cannot become a job. {@code jobId} is null when none could be read (then no
   * {@code failed} status is possible, only the DLQ entry).
   */
  record Rejected(String code, String message, String jobId) implements Intake {}
}
