package io.lenscast.analysis.ablation;

import io.lenscast.io.Npy;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Builds an ablation mean vector in one pass over any number of images: the average of every
 * visual embedding (all {@code rows * cols} projector outputs of each image), summed in double
 * so a long run does not drift. Only the running sum is kept, never the activations.
 */
public final class MeanVectorAccumulator {
  private final int dim;
  private final double[] sum;
  private long rows;
  private int images;

  public MeanVectorAccumulator(int dim) {
    if (dim <= 0) {
      throw new IllegalArgumentException("dimension must be positive");
    }
    this.dim = dim;
    this.sum = new double[dim];
  }

  /** Adds one image's projector output, row-major {@code [n, dim]}. */
  public void addImage(float[] embeddings) {
    if (embeddings.length == 0 || embeddings.length % dim != 0) {
      throw new IllegalArgumentException(embeddings.length + " values are not rows of " + dim);
    }
    for (int i = 0; i < embeddings.length; i++) {
      sum[i % dim] += embeddings[i];
    }
    rows += embeddings.length / dim;
    images++;
  }

  public int images() {
    return images;
  }

  public float[] mean() {
    if (rows == 0) {
      throw new IllegalStateException("no image was added");
    }
    float[] out = new float[dim];
    for (int k = 0; k < dim; k++) {
      out[k] = (float) (sum[k] / rows);
    }
    return out;
  }

  /** Writes the mean as a float32 {@code [dim]} .npy and loads it back with its sha256. */
  public MeanVector write(Path file) throws IOException {
    Npy.writeFloats(file, mean(), dim);
    return MeanVector.load(file);
  }
}
