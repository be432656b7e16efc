package io.lenscast.cli;

import java.util.List;

/** One {@code ./lenscast} sub-command. Returns the process exit code. */
public interface Command {
  String name();

  /** One line for the usage listing. */
  String summary();

  int run(List<String> args) throws Exception;
}
