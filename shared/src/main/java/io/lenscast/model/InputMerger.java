package io.lenscast.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.lenscast.model.clip.ClipVisionTower;
import io.lenscast.model.config.LlavaConfig;
import io.lenscast.model.hooks.Captures;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.model.llama.LlamaDecoder;

/**
 * Builds the decoder's input embeddings as LLaVA-1.5 does: the images through the vision tower
 * and the projector, the prompt's tokens through {@code embed_tokens}, and the single image token
 * replaced by the visual tokens (so {@code imageStart} = that token's index).
 */
final class InputMerger {
  private final LlavaConfig config;
  private final ClipVisionTower vision;
  private final Projector projector;
  private final LlamaDecoder decoder;
  private final DataType dtype;

  InputMerger(LlavaConfig config, ClipVisionTower vision, Projector projector,
      LlamaDecoder decoder, DataType dtype) {
    this.config = config;
    this.vision = vision;
    this.projector = projector;
    this.decoder = decoder;
    this.dtype = dtype;
  }

  /** Index of the single image token in {@code ids}; IllegalArgumentException otherwise. */
  int imageStart(int[] ids) {
    int found = -1;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == config.imageTokenIndex()) {
        if (found >= 0) {
          throw new IllegalArgumentException("input ids hold more than one image token ("
              + config.imageTokenIndex() + ")");
        }
        found = i;
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException("input ids hold no image token ("
          + config.imageTokenIndex() + ")");
    }
    return found;
  }

  /** Vision tower + projector: [B, 576, D] in {@code scope}. */
  NDArray project(NDManager scope, float[][] pixelValues, Captures captures) {
    NDArray features = features(scope, pixelValues, captures); // [B, 576, Dv]
    captures.offer(HookPoint.PROJECTOR_IN, features);
    NDArray projected = projector.forward(features); // [B, 576, D]
    captures.offer(HookPoint.PROJECTOR_OUT, projected);
    return projected;
  }

  /** Vision tower up to the selected layer, CLS dropped per the strategy: [B, 576, Dv]. */
  NDArray features(NDManager scope, float[][] pixelValues, Captures captures) {
    int c = config.vision().numChannels();
    int s = config.vision().imageSize();
    int batch = pixelValues.length;
    float[] flat = new float[batch * c * s * s];
    for (int b = 0; b < batch; b++) {
      if (pixelValues[b].length != c * s * s) {
        throw new IllegalArgumentException("pixel values of image " + b + " have "
            + pixelValues[b].length + " floats, expected " + c + "x" + s + "x" + s);
      }
      System.arraycopy(pixelValues[b], 0, flat, b * c * s * s, c * s * s);
    }
    NDArray pixels = scope.create(flat, new Shape(batch, c, s, s)).toType(dtype, false);
    NDArray hidden = vision.hiddenState(pixels, config.visionFeatureStateIndex(), captures);
    return ClipVisionTower.select(hidden, config.visionFeatureSelectStrategy()); // [B, 576, Dv]
  }

  /**
   * Text embeddings with the image token replaced by the visual tokens: [B, T, D]. Batched
   * prompts must have equal length and the image token at the same index.
   */
  NDArray merge(NDManager scope, float[][] pixelValues, int[][] inputIds, Captures captures) {
    if (pixelValues.length != inputIds.length || inputIds.length == 0) {
      throw new IllegalArgumentException("batch needs one prompt per image, got "
          + pixelValues.length + " images and " + inputIds.length + " prompts");
    }
    int imageStart = imageStart(inputIds[0]);
    int length = inputIds[0].length;
    long[] text = new long[inputIds.length * (length - 1)];
    for (int b = 0; b < inputIds.length; b++) {
      if (inputIds[b].length != length || imageStart(inputIds[b]) != imageStart) {
        throw new IllegalArgumentException("batched prompts must have equal length and the "
            + "image token at the same index");
      }
      for (int i = 0, j = 0; i < length; i++) {
        if (i != imageStart) {
          int id = inputIds[b][i];
          if (id < 0 || id >= config.text().vocabSize()) {
            throw new IllegalArgumentException("token id " + id + " outside the vocabulary 0.."
                + (config.text().vocabSize() - 1));
          }
          text[b * (length - 1) + j++] = id;
        }
      }
    }
    NDArray image = project(scope, pixelValues, captures); // [B, 576, D]
    NDArray ids = scope.create(text, new Shape(inputIds.length, length - 1)); // [B, T-1]
    NDArray textEmbeds = decoder.embed(scope, ids); // [B, T-1, D]
    NDList parts = new NDList();
    if (imageStart > 0) {
      parts.add(textEmbeds.get(new NDIndex(":, 0:" + imageStart + ", :"))); // [B, s, D]
    }
    parts.add(image);
    if (imageStart < length - 1) {
      parts.add(textEmbeds.get(new NDIndex(":, " + imageStart + ":, :"))); // [B, T-1-s, D]
    }
    return parts.size() == 1 ? image : NDArrays.concat(parts, 1); // [B, T, D]
  }
}
