package io.lenscast.model;

import java.io.IOException;

/**
 * A model folder that lenscast cannot load: not a LLaVA checkpoint, an unsupported architecture,
 * a missing or mis-shaped tensor. The message is one line and names the file and tensor, so the
 * CLI can print it as is.
 */
public final class ModelFormatException extends IOException {
  public ModelFormatException(String message) {
    super(message);
  }

  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
