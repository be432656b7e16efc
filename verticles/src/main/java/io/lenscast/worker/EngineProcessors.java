package io.lenscast.worker;

import io.lenscast.job.JobProcessor;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;

/**
 * The production {@link JobProcessorFactory}: opens the engine's
 * {@code io.lenscast.job.LlavaJobProcessor} on a model folder, through its public static
 * {@code open(Path)} or its {@code (Path)} constructor, found at run time so the platform
 * builds independently of the engine module's progress.
 */
public final class EngineProcessors implements JobProcessorFactory {
  static final String ENGINE_CLASS = "io.lenscast.job.LlavaJobProcessor";

  @Override
  public JobProcessor open(String modelName, Path modelDir) throws Exception {
    Class<?> engine;
    try {
      engine = Class.forName(ENGINE_CLASS);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the model engine (" + ENGINE_CLASS
          + ") is not in this build");
    }
    try {
      for (Method m : engine.getMethods()) {
        if (Modifier.isStatic(m.getModifiers()) && m.getName().equals("open")
            && m.getParameterCount() == 1 && m.getParameterTypes()[0] == Path.class
            && JobProcessor.class.isAssignableFrom(m.getReturnType())) {
          return (JobProcessor) m.invoke(null, modelDir);
        }
      }
      Constructor<?> ctor = engine.getConstructor(Path.class);
      return (JobProcessor) ctor.newInstance(modelDir);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(ENGINE_CLASS + " has neither open(Path) nor a (Path) "
          + "constructor");
    }
  }
}
