package io.lenscast.worker;

import io.lenscast.analysis.stage.AnalysisStages;
import io.lenscast.config.WorkerSettings;
import io.lenscast.job.JobProcessor;
import io.lenscast.job.LlavaJobProcessor;
import io.lenscast.job.ProcessorSettings;
import io.lenscast.model.ModelOptions;
import java.nio.file.Path;

/**
 * The production {@link JobProcessorFactory}: the engine's {@link LlavaJobProcessor} on a model
 * folder, with the worker's device and input limits and the analysis stages (ablation,
 * knockout, integrated gradients) of the analyses module.
 */
public final class EngineProcessors implements JobProcessorFactory {
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
        AnalysisStages.all());
  }
}
