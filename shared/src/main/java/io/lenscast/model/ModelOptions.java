package io.lenscast.model;

/**
 * How to load a model: {@code device} is "auto" (CUDA when DJL sees a GPU, else CPU), "cpu" or
 * "gpu"; {@code dtype} is "auto" (float32 on CPU, float16 on CUDA), "float32" or "float16"
 * (float16 on CPU is slow and only meant to exercise the GPU's precision path in tests).
 */
public record ModelOptions(String device, String dtype) {
  public ModelOptions {
    if (!device.equals("auto") && !device.equals("cpu") && !device.equals("gpu")) {
      throw new IllegalArgumentException("device must be auto, cpu or gpu, got " + device);
    }
    if (!dtype.equals("auto") && !dtype.equals("float32") && !dtype.equals("float16")) {
      throw new IllegalArgumentException("dtype must be auto, float32 or float16, got " + dtype);
    }
  }

  public ModelOptions(String device) {
    this(device, "auto");
  }

  public static ModelOptions defaults() {
    return new ModelOptions("auto", "auto");
  }

  public static ModelOptions cpu() {
    return new ModelOptions("cpu", "auto");
  }
}
