package io.lenscast.cli;

import java.util.concurrent.CountDownLatch;

/** Blocks a long-running command until the JVM is asked to stop (Ctrl-C, SIGTERM). */
final class ShutdownLatch {
  private ShutdownLatch() {}

  /**
   * Waits for a shutdown signal, then runs {@code onStop} inside the shutdown hook so the JVM
   * exits only after a clean stop.
   */
  static void awaitThen(AutoCloseable onStop) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch signalled = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      signalled.countDown();
      try {
        System.err.println("lenscast: stopping (finishing the running job)...");
        onStop.close();
        System.err.println("lenscast: stopped cleanly");
      } catch (Exception e) {
        System.err.println("lenscast: error while stopping: " + e);
      } finally {
        stopped.countDown();
      }
    }, "lenscast-shutdown"));
    signalled.await();
    stopped.await();
  }
}
