package io.lenscast.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A {@code ./lenscast worker} in its own JVM (same classpath as the tests), for tests that kill
 * workers or run several in one group. Output goes to a log file the test can wait on.
 */
public final class WorkerProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private WorkerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static WorkerProcess start(Path configFile, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xss4m", "-Dai.djl.offline=true",
        "-cp", System.getProperty("java.class.path"), "io.lenscast.cli.Main", "worker",
        "--config", configFile.toString()));
    pb.environment().put("DJL_OFFLINE", "true");
    pb.environment().keySet().removeIf(k -> k.startsWith("LENSCAST_"));
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return new WorkerProcess(pb.start(), log);
  }

  public long pid() {
    return process.pid();
  }

  /** Waits until the worker said it runs (its consumer subscribed, the model loaded). */
  public WorkerProcess awaitRunning(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String text = Files.exists(log) ? Files.readString(log) : "";
      if (text.contains("lenscast worker running")) {
        return this;
      }
      if (!process.isAlive()) {
        throw new AssertionError("worker exited with " + process.exitValue() + ":\n" + text);
      }
      process.onExit().completeOnTimeout(null, 100, java.util.concurrent.TimeUnit.MILLISECONDS)
          .join();
    }
    throw new AssertionError("worker not running after " + timeout.toSeconds() + " s:\n"
        + Files.readString(log));
  }

  /** SIGKILL: no shutdown hook, no offset commit, no group leave. */
  public void kill() {
    process.destroyForcibly();
    process.onExit().join();
  }

  /** SIGTERM: the worker finishes its job and leaves the group; returns the exit code. */
  public int stopGracefully(Duration timeout) {
    process.destroy();
    try {
      process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new AssertionError("worker did not stop within " + timeout.toSeconds() + " s");
    }
    return process.exitValue();
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.onExit().join();
    }
  }
}
