package io.lenscast.bench;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's memory and the machine's load as a benchmark reports them: peak resident set
 * (VmHWM, Java heap and PyTorch's native tensors together), peak Java heap in use, the GPU's
 * used memory, and the 1-minute load average (other work on a shared machine skews timings).
 * NaN where the platform does not say.
 */
final class ProcessMemory {
  private static final double MB = 1024.0 * 1024.0;

  private ProcessMemory() {}

  /** Peak resident set size of this process since it started, in MiB. */
  static double peakRssMb() {
    return statusKb("VmHWM:") / 1024.0;
  }

  /** Sum of the heap pools' peak usage since the JVM started, in MiB. */
  static double peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / MB;
  }

  /** Memory in use on the GPU (all processes), in MiB; NaN for the CPU. */
  static double gpuUsedMb(Device device) {
    if (!device.isGpu()) {
      return Double.NaN;
    }
    try {
      return CudaUtils.getGpuMemory(device).getUsed() / MB;
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /** The 1-minute load average, from /proc/loadavg. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static double statusKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field)) {
          return Double.parseDouble(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
