package io.lenscast.job;

/**
 * A job that cannot be run, with a stable machine-readable {@code code} (it becomes the
 * {@code error.code} of the {@code failed} status event and a DLQ header) and a one-line
 * message for people.
 */
public final class JobFailedException extends Exception {
  public static final String BAD_JOB = "bad_job";
  public static final String BAD_IMAGE = "bad_image";
  public static final String IMAGE_TOO_LARGE = "image_too_large";
  public static final String BAD_PROMPT = "bad_prompt";
  public static final String PROMPT_TOO_LONG = "prompt_too_long";
  public static final String UNKNOWN_MODEL = "unknown_model";
  public static final String BAD_ANALYSIS = "bad_analysis";
  public static final String INTERNAL = "internal";

  private final String code;

  public JobFailedException(String code, String message) {
    this(code, message, null);
  }

  public JobFailedException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
