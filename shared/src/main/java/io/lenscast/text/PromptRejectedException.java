package io.lenscast.text;

/** A prompt lenscast will not run, with a reason the job layer maps onto its error codes. */
public final class PromptRejectedException extends Exception {
  /** Why the prompt was refused. */
  public enum Reason {
    /** Not exactly one image marker, a missing task parameter, or an unknown task. */
    BAD_PROMPT,
    /** More tokens than the configured maximum. */
    TOO_LONG
  }

  private final Reason reason;

  public PromptRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
