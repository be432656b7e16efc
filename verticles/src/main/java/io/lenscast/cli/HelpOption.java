package io.lenscast.cli;

import java.io.PrintStream;

/**
 * The {@code --help} flag of the commands that print a synopsis of their own: declared and
 * answered here, so every such command shows {@code usage: ./lenscast SYNOPSIS} and its option
 * listing the same way (on its error stream, exit 0).
 */
final class HelpOption {
  static final String NAME = "--help";

  private HelpOption() {}

  static OptionParser declare(OptionParser parser) {
    return parser.flag(NAME, "show this help");
  }

  /**
   * Prints the usage to {@code err} when {@code --help} was given.
   *
   * @param synopsis the command line after {@code ./lenscast}, e.g. {@code bench [options]}
   * @return whether help was printed (the command then exits 0)
   */
  static boolean answered(ParsedOptions options, OptionParser parser, String synopsis,
      PrintStream err) {
    if (!options.has(NAME)) {
      return false;
    }
    err.print("usage: ./lenscast " + synopsis + "\n" + parser.help());
    return true;
  }
}
