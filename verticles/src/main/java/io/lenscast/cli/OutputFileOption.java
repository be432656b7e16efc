package io.lenscast.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --out FILE} option of the commands that write one file: declared here and checked
 * before any work starts, so a file in a folder that does not exist is a usage error
 * ({@code --out: folder does not exist: ...}) rather than a failure after the model ran.
 */
final class OutputFileOption {
  static final String NAME = "--out";

  private OutputFileOption() {}

  static OptionParser declare(OptionParser parser, String metavar, String help) {
    return parser.option(NAME, metavar, help);
  }

  /** The file to write; a usage error when absent or its folder does not exist. */
  static Path required(ParsedOptions options) {
    return checked(Path.of(options.required(NAME)));
  }

  /** The file to write, or null when {@code --out} was not given. */
  static Path optional(ParsedOptions options) {
    return options.has(NAME) ? required(options) : null;
  }

  private static Path checked(Path out) {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageException(NAME + ": folder does not exist: " + parent);
    }
    return out;
  }
}
