package io.lenscast.worker;

/**
 * Error codes the worker adds to those of {@link io.lenscast.job.JobFailedException}: they end
 * up in the {@code lenscast.error.code} DLQ header, the {@code failed} status and the
 * {@code reason} tag of {@code lenscast.jobs.failed}.
 */
public final class ErrorCodes {
  /** Not UTF-8, not JSON, or not a JSON object. */
  public static final String MALFORMED = "malformed";
  /** JSON whose {@code "schema"} is not {@code lenscast.job}. */
  public static final String WRONG_SCHEMA = "wrong_schema";
  /** A {@code lenscast.job} of a version this worker does not read. */
  public static final String UNSUPPORTED_VERSION = "unsupported_version";
  /** A job message larger than the worker accepts. */
  public static final String TOO_LARGE = "message_too_large";

  private ErrorCodes() {}
}
