package io.lenscast.worker;

import io.lenscast.job.JobProcessor;
import java.nio.file.Path;

/** Opens the {@link JobProcessor} of one model folder (the worker keeps it for many jobs). */
@FunctionalInterface
public interface JobProcessorFactory {
  JobProcessor open(String modelName, Path modelDir) throws Exception;
}
