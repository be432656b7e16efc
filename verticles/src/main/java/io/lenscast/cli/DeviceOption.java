package io.lenscast.cli;

import io.lenscast.model.ModelOptions;

/**
 * The {@code --device auto|cpu|gpu} option of the commands that load a model in process:
 * declared, defaulted to {@code auto} and validated here (a bad value is a usage error).
 */
final class DeviceOption {
  static final String NAME = "--device";

  private DeviceOption() {}

  static OptionParser declare(OptionParser parser) {
    return declare(parser, "auto|cpu|gpu", "where to run (default auto)");
  }

  /** The same option with a command's own wording in {@code --help}. */
  static OptionParser declare(OptionParser parser, String metavar, String help) {
    return parser.option(NAME, metavar, help);
  }

  /** Where to load the model: the given device, {@code auto} when absent. */
  static ModelOptions parse(ParsedOptions options) {
    String device = options.get(NAME);
    try {
      return new ModelOptions(device == null ? "auto" : device);
    } catch (IllegalArgumentException e) {
      throw new UsageException(NAME + " " + e.getMessage());
    }
  }
}
