package io.lenscast.model;

/**
 * How to load a model: {@code device} is "auto" (CUDA when DJL sees a GPU, else CPU), "cpu" or
 * "gpu". Compute dtype follows the device: float32 on CPU, float16 on CUDA.
 */
public record ModelOptions(String device) {
  public ModelOptions {
    if (!device.equals("auto") && !device.equals("cpu") && !device.equals("gpu")) {
      throw new IllegalArgumentException("device must be auto, cpu or gpu, got " + device);
    }
  }

  public static ModelOptions defaults() {
    return new ModelOptions("auto");
  }

  public static ModelOptions cpu() {
    return new ModelOptions("cpu");
  }
}
