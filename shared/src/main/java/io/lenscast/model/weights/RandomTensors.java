package io.lenscast.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Random weights for synthetic models (benchmarks of a named size without a checkpoint): norm
 * gains near 1, everything else Gaussian with std 1/sqrt(fan-in) so activations stay finite.
 * Seeded through the engine's random generator.
 */
public final class RandomTensors implements TensorSource {
  @Override
  public boolean has(String hubName) {
    return true;
  }

  @Override
  public NDArray load(NDManager manager, String hubName, DataType computeType, long... shape) {
    boolean norm = hubName.contains("norm") || hubName.contains("layrnorm");
    float std = shape.length >= 2 ? (float) (1.0 / Math.sqrt(shape[shape.length - 1])) : 0.02f;
    if (hubName.contains("patch_embedding")) {
      std = (float) (1.0 / Math.sqrt(shape[1] * shape[2] * shape[3]));
    }
    if (hubName.contains("embed_tokens") || hubName.contains("position_embedding")
        || hubName.contains("class_embedding")) {
      std = 0.5f;
    }
    NDArray values = manager.randomNormal(norm && hubName.endsWith("weight") ? 1f : 0f,
        norm ? 0.05f : std, new Shape(shape), DataType.FLOAT32);
    if (computeType == DataType.FLOAT32) {
      return values;
    }
    NDArray cast = values.toType(computeType, false);
    values.close();
    return cast;
  }
}
