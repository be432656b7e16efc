package io.lenscast.worker;

import io.lenscast.config.WorkerSettings;
import io.lenscast.job.AnalysisStage;
import io.lenscast.job.JobProcessor;
import io.lenscast.job.LlavaJobProcessor;
import io.lenscast.job.ProcessorSettings;
import io.lenscast.model.ModelOptions;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;

/**
 * The production {@link JobProcessorFactory}: the engine's {@link LlavaJobProcessor} on a model
 * folder, with the worker's device and input limits and the analysis stages (ablation,
 * knockout) of the analyses module when that module provides them.
 */
public final class EngineProcessors implements JobProcessorFactory {
  static final String STAGES_CLASS = "io.lenscast.analysis.stage.AnalysisStages";
  private static final int MAX_TOP_K = 100;
  private static final int MAX_NEW_TOKENS = 512;

  private final WorkerSettings settings;

  public EngineProcessors(WorkerSettings settings) {
    this.settings = settings;
  }

  @Override
  public JobProcessor open(String modelName, Path modelDir) throws Exception {
    return LlavaJobProcessor.open(modelDir, new ModelOptions(settings.device()),
        new ProcessorSettings(settings.maxImagePixels(), settings.maxPromptTokens(),
            Math.min(settings.topK(), MAX_TOP_K), MAX_TOP_K, MAX_NEW_TOKENS),
        stages());
  }

  /** {@code AnalysisStages.all()} of the analyses module, or none while it is not built in. */
  @SuppressWarnings("unchecked")
  static List<AnalysisStage> stages() throws ReflectiveOperationException {
    Class<?> catalog;
    try {
      catalog = Class.forName(STAGES_CLASS);
    } catch (ClassNotFoundException e) {
      return List.of();
    }
    Method all = catalog.getMethod("all");
    return (List<AnalysisStage>) all.invoke(null);
  }
}
