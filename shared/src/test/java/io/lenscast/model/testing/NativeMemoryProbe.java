package io.lenscast.model.testing;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads what a leak would show in: the number of NDArrays alive in any DJL manager (counted from
 * the engine's system manager down through every base and sub-manager) and the process's
 * resident set size after a full GC (without it, Java garbage touching fresh heap pages grows
 * the RSS by several MB per job and hides what native memory does). Comparing two snapshots
 * says what grew in between.
 */
public final class NativeMemoryProbe {
  private static final double MB = 1024.0 * 1024.0;

  /** What was alive at one moment. */
  public record Snapshot(int liveArrays, double rssMb) {}

  private NativeMemoryProbe() {}

  public static Snapshot snapshot() {
    System.gc();
    return new Snapshot(liveArrays(), rssMb());
  }

  /** NDArrays held by any manager of the engine right now. */
  public static int liveArrays() {
    try (NDManager probe = NDManager.newBaseManager()) {
      return probe.getParentManager().getManagedArrays().size();
    }
  }

  /** Resident set size from /proc/self/status, in MiB. */
  public static double rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024 / MB;
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read VmRSS from /proc/self/status", e);
    }
    throw new IllegalStateException("no VmRSS line in /proc/self/status");
  }

  /**
   * Why {@code after} is not flat against {@code before}, or null when it is: any array still
   * alive that was not before, or resident memory grown by more than {@code rssSlackMb}.
   */
  public static String leak(Snapshot before, Snapshot after, double rssSlackMb) {
    int arrays = after.liveArrays() - before.liveArrays();
    double rss = after.rssMb() - before.rssMb();
    if (arrays != 0) {
      return arrays + " NDArrays more alive than before (" + before.liveArrays() + " -> "
          + after.liveArrays() + ")";
    }
    if (rss > rssSlackMb) {
      return String.format("resident memory grew by %.1f MB (%.1f -> %.1f), more than %.0f MB",
          rss, before.rssMb(), after.rssMb(), rssSlackMb);
    }
    return null;
  }
}
