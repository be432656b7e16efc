package io.lenscast.analysis.stage;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.lenscast.analysis.ablation.MeanVectorAccumulator;
import io.lenscast.image.ClipImageProcessor;
import io.lenscast.image.ClipPreprocessorConfig;
import io.lenscast.image.ImageDecoder;
import io.lenscast.image.ImageRejectedException;
import io.lenscast.model.LlavaModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Computes an ablation mean vector the paper's way (the average of all 576 visual embeddings,
 * i.e. projector outputs, over a set of images), one image at a time: only the running sum
 * stays in memory, and each image's tensors are freed before the next.
 */
public final class MeanVectorBuilder {
  private final LlavaModel model;
  private final ClipImageProcessor images;
  private final ImageDecoder decoder;
  private final MeanVectorAccumulator sum;

  public MeanVectorBuilder(LlavaModel model, ClipPreprocessorConfig preprocessing,
      long maxPixels) {
    this.model = model;
    this.images = new ClipImageProcessor(preprocessing);
    this.decoder = new ImageDecoder(maxPixels);
    this.sum = new MeanVectorAccumulator(model.config().text().hiddenSize());
  }

  /**
   * Adds one image file.
   *
   * @throws IOException when it cannot be read or decoded (the caller may skip it)
   */
  public void add(Path image) throws IOException {
    float[] pixels;
    try {
      pixels = images.process(decoder.decode(Files.readAllBytes(image))).pixelValues();
    } catch (ImageRejectedException e) {
      throw new IOException(image + ": " + e.getMessage(), e);
    }
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray projected = model.projectImages(m, new float[][] {pixels});  // [1, 576, D]
      sum.addImage(projected.toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
          .toFloatArray());
    }
  }

  public MeanVectorAccumulator accumulator() {
    return sum;
  }

  /** The model folder's {@code preprocessor_config.json}, or LLaVA-1.5's when absent. */
  public static ClipPreprocessorConfig preprocessing(Path modelDir) throws IOException {
    Path file = modelDir.resolve("preprocessor_config.json");
    return Files.isRegularFile(file) ? ClipPreprocessorConfig.load(file)
        : ClipPreprocessorConfig.llava15();
  }
}
