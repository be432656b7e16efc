package io.lenscast.dashboard;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition by polling with a deadline (never a fixed sleep). */
final class Poll {
  private Poll() {}

  static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout,
      String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = probe.get();
        if (last != null && done.test(last)) {
          return last;
        }
      } catch (RuntimeException e) {
        last = null;
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
    throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
        + "; last seen: " + last);
  }
}
