package io.lenscast.cli;

import io.lenscast.analysis.stage.AnalysisStages;
import io.lenscast.job.LlavaJobProcessor;
import io.lenscast.job.ProcessorSettings;
import io.lenscast.model.LlavaModel;
import io.lenscast.model.ModelOptions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code --model DIR} option of the commands that run a checkpoint in process: declared and
 * checked here, and the folder opened here, so a folder lenscast cannot load is the same
 * one-line usage error ({@code bad model folder: ...}) in every command.
 */
final class ModelFolderOption {
  static final String NAME = "--model";

  private ModelFolderOption() {}

  static OptionParser declare(OptionParser parser) {
    return declare(parser, "model folder");
  }

  /** The same option with a command's own wording in {@code --help}. */
  static OptionParser declare(OptionParser parser, String help) {
    return parser.option(NAME, "DIR", help);
  }

  /** The given folder; a usage error when it is missing or not a directory. */
  static Path folder(ParsedOptions options) {
    return options.existingDirectory(NAME);
  }

  /** The model alone (weights on {@code device}). */
  static LlavaModel loadModel(Path folder, ModelOptions device) {
    return orUsageError(() -> LlavaModel.load(folder, device));
  }

  /** The model with its tokenizer and preprocessing, running every analysis stage. */
  static LlavaJobProcessor openProcessor(Path folder, ModelOptions device,
      ProcessorSettings settings) {
    return orUsageError(() -> LlavaJobProcessor.open(folder, device, settings,
        AnalysisStages.all()));
  }

  private interface Loader<T> {
    T load() throws IOException;
  }

  /**
   * What {@code loader} loads; an unusable folder becomes {@code bad model folder: ...}, a bad
   * setting (e.g. {@code --device gpu} without a GPU) its own message, both one line.
   */
  private static <T> T orUsageError(Loader<T> loader) {
    try {
      return loader.load();
    } catch (IOException e) {
      throw new UsageException("bad model folder: " + oneLine(e));
    } catch (IllegalArgumentException e) {
      throw new UsageException(oneLine(e));
    }
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return m.replaceAll("\\s+", " ").trim();
  }
}
