package io.lenscast.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.Collections;

/**
 * Makes a timer honest on CUDA, where ops return before the device has run them: reading one
 * element back waits for everything queued before it. On the CPU an op is done when it returns,
 * so this is a no-op there.
 */
final class DeviceSync {
  private DeviceSync() {}

  static void await(NDArray array) {
    if (!array.getDevice().isGpu() || array.getShape().size() == 0) {
      return;
    }
    int dims = array.getShape().dimension();
    NDIndex first = new NDIndex(String.join(",", Collections.nCopies(dims, "0")));
    try (NDArray one = dims == 0 ? array.duplicate() : array.get(first);
         NDArray f = one.toType(DataType.FLOAT32, false)) {
      f.toFloatArray();
    }
  }
}
