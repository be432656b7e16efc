package io.lenscast.cli;

/** Bad usage or bad input: the CLI prints the message on one line and exits 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
