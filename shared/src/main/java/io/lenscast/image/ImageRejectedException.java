package io.lenscast.image;

/**
 * An image that lenscast will not process, with a reason the job layer maps onto its error codes
 * and a one-line message for people.
 */
public final class ImageRejectedException extends Exception {
  /** Why the image was refused. */
  public enum Reason {
    /** Empty, corrupt or truncated bytes, or not an image at all. */
    UNREADABLE,
    /** A format Java cannot decode here (WebP without a reader plug-in). */
    UNSUPPORTED_FORMAT,
    /** More pixels than the configured limit (decompression-bomb guard). */
    TOO_LARGE
  }

  private final Reason reason;

  public ImageRejectedException(Reason reason, String message) {
    this(reason, message, null);
  }

  public ImageRejectedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
