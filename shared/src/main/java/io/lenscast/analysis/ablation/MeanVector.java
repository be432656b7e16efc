package io.lenscast.analysis.ablation;

import io.lenscast.io.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ONE vector written over ablated visual positions (post-projector input embeddings): a
 * mean from a {@code .npy} file, identified by the file's sha256 (recorded in every ablation
 * event so a result names exactly what replaced the tokens), or zeros (zero ablation, sha256
 * null).
 */
public record MeanVector(float[] values, String sha256, String source) {
  public static final String MEAN = "mean";
  public static final String ZERO = "zero";

  /** Loads a float {@code .npy} of shape {@code [D]} or {@code [1, D]}. */
  public static MeanVector load(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException("cannot read mean vector " + file + ": " + e.getMessage(), e);
    }
    Npy.Array array = Npy.parse(java.nio.ByteBuffer.wrap(bytes), file.toString());
    long[] shape = array.shape();
    boolean vector = shape.length == 1 || (shape.length == 2 && shape[0] == 1);
    if (!vector || array.size() == 0) {
      throw new IOException(file + ": a mean vector must have shape [D] or [1, D], got "
          + java.util.Arrays.toString(shape));
    }
    if (!array.descr().equals("<f4") && !array.descr().equals("<f8")) {
      throw new IOException(file + ": a mean vector must be float32 or float64, got "
          + array.descr());
    }
    return new MeanVector(array.toFloats(), sha256(bytes), file.toString());
  }

  public static MeanVector zero(int dim) {
    return new MeanVector(new float[dim], null, ZERO);
  }

  public int dim() {
    return values.length;
  }

  /** {@code "zero"} or {@code "mean"}: the event's {@code replacement} field. */
  public String replacement() {
    return sha256 == null ? ZERO : MEAN;
  }

  public double norm() {
    double s = 0;
    for (float v : values) {
      s += (double) v * v;
    }
    return Math.sqrt(s);
  }

  /** Fails with a one-line reason when the vector does not fit the model's hidden size. */
  public void requireDim(int hidden) {
    if (values.length != hidden) {
      throw new IllegalArgumentException("mean vector " + source + " has " + values.length
          + " values, the model's hidden size is " + hidden);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
