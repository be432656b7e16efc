package io.lenscast.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory outside the Java heap (PyTorch tensors live there): resident set size from
 * {@code /proc/self/status} minus the heap in use. NaN where /proc is not available.
 */
final class NativeMemory {
  private static final Path STATUS = Path.of("/proc/self/status");

  private NativeMemory() {}

  static double outsideHeapBytes() {
    long rss = residentBytes();
    if (rss < 0) {
      return Double.NaN;
    }
    Runtime rt = Runtime.getRuntime();
    return Math.max(0, rss - (rt.totalMemory() - rt.freeMemory()));
  }

  static long residentBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024L;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
