package io.lenscast.worker;

import io.lenscast.config.WorkerSettings;
import io.lenscast.job.JobFailedException;
import io.lenscast.job.JobProcessor;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The models one worker can run, by the names in {@code worker.models}; a processor is opened
 * on first use and kept. A job naming no model gets {@code worker.defaultModel}; a name not
 * configured is an {@code unknown_model} failure. Used from the single job thread.
 */
public final class ModelRegistry implements AutoCloseable {
  private final Map<String, String> folders;
  private final String defaultModel;
  private final Function<String, Path> resolve;
  private final JobProcessorFactory factory;
  private final Map<String, JobProcessor> open = new HashMap<>();

  public ModelRegistry(WorkerSettings settings, Function<String, Path> resolve,
      JobProcessorFactory factory) {
    this.folders = Map.copyOf(settings.models());
    this.defaultModel = settings.defaultModel();
    this.resolve = resolve;
    this.factory = factory;
  }

  /** The name a job's model field stands for (the default when null). */
  public String nameFor(String requested) {
    return requested == null ? defaultModel : requested;
  }

  public synchronized JobProcessor processorFor(String requested) throws JobFailedException {
    String name = nameFor(requested);
    if (name == null || !folders.containsKey(name)) {
      throw new JobFailedException(JobFailedException.UNKNOWN_MODEL, "unknown model '" + name
          + "' (this worker serves " + folders.keySet() + ")");
    }
    JobProcessor p = open.get(name);
    if (p == null) {
      Path dir = resolve.apply(folders.get(name));
      try {
        p = factory.open(name, dir);
      } catch (Exception e) {
        throw new JobFailedException(JobFailedException.INTERNAL, "model '" + name
            + "' cannot be loaded from " + dir + ": " + e.getMessage(), e);
      }
      open.put(name, p);
    }
    return p;
  }

  @Override
  public synchronized void close() {
    open.values().forEach(JobProcessor::close);
    open.clear();
  }
}
