package io.lenscast.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;

/** Where the model's weights come from, asked for by Hub name and expected shape. */
public interface TensorSource {
  /** Whether the source holds tensor {@code hubName}. */
  boolean has(String hubName);

  /** Tensor {@code hubName} as {@code computeType} in {@code manager}, checked to be {@code shape}. */
  NDArray load(NDManager manager, String hubName, DataType computeType, long... shape)
      throws IOException;
}
