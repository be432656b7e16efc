package io.lenscast.bench;

import io.lenscast.image.ClipImageProcessor;
import io.lenscast.image.RgbImage;

/**
 * What one benchmark feeds the model: a decoded image (preprocessing is a timed stage), the
 * processor that turns it into pixel values, the prompt ids (one image token), and labels for
 * the report.
 */
public record BenchInput(String modelLabel, String imageLabel, RgbImage image,
                         ClipImageProcessor processor, int[] inputIds) {
  public BenchInput {
    inputIds = inputIds.clone();
  }

  @Override
  public int[] inputIds() {
    return inputIds.clone();
  }
}
