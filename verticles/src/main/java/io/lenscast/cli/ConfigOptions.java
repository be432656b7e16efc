package io.lenscast.cli;

import io.lenscast.config.ConfigException;
import io.lenscast.config.ConfigLoader;
import io.lenscast.config.LenscastConfig;
import java.nio.file.Path;

/** The {@code --config FILE} option every platform command shares, and loading with env. */
final class ConfigOptions {
  private ConfigOptions() {}

  static OptionParser declare(OptionParser parser) {
    return parser.option("--config", "FILE",
        "JSON overriding config/default.json (LENSCAST_* env vars override both)");
  }

  static LenscastConfig load(ParsedOptions options) {
    String file = options.get("--config");
    try {
      return ConfigLoader.load(file == null ? null : Path.of(file), System.getenv(),
          ConfigLoader.home());
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
