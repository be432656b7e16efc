package io.lenscast.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The settings of transformers' {@code CLIPImageProcessor}, bound from a model folder's
 * {@code preprocessor_config.json} with the processor's own defaults for omitted keys. Either
 * {@code shortestEdge} is set (resize keeping the aspect ratio) or {@code resizeHeight} and
 * {@code resizeWidth} are (resize to exactly that size).
 */
public record ClipPreprocessorConfig(
    boolean doConvertRgb,
    boolean doResize,
    Integer shortestEdge,
    Integer resizeHeight,
    Integer resizeWidth,
    int resample,
    boolean doCenterCrop,
    int cropHeight,
    int cropWidth,
    boolean doRescale,
    double rescaleFactor,
    boolean doNormalize,
    float[] mean,
    float[] std) {

  /** PIL's {@code Image.BICUBIC}, the only filter implemented (every CLIP checkpoint uses it). */
  public static final int PIL_BICUBIC = 3;

  private static final double[] OPENAI_CLIP_MEAN = {0.48145466, 0.4578275, 0.40821073};
  private static final double[] OPENAI_CLIP_STD = {0.26862954, 0.26130258, 0.27577711};

  public ClipPreprocessorConfig {
    if (resample != PIL_BICUBIC) {
      throw new IllegalArgumentException(
          "unsupported resample " + resample + " (only 3 = PIL bicubic is implemented)");
    }
    if (doResize && shortestEdge == null && (resizeHeight == null || resizeWidth == null)) {
      throw new IllegalArgumentException(
          "size needs shortest_edge or height and width");
    }
    if (mean.length != 3 || std.length != 3) {
      throw new IllegalArgumentException("image_mean and image_std need 3 values each");
    }
  }

  /** Reads {@code preprocessor_config.json}; a missing or malformed file is an IOException. */
  public static ClipPreprocessorConfig load(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IOException(file + ": cannot read preprocessor config: " + e.getMessage(), e);
    }
    try {
      return fromJson(root);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Binds a parsed config, applying {@code CLIPImageProcessor}'s defaults. */
  public static ClipPreprocessorConfig fromJson(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("preprocessor config must be a JSON object");
    }
    Integer shortest = 224;
    Integer height = null;
    Integer width = null;
    JsonNode size = root.get("size");
    if (size != null && size.isInt()) {
      shortest = size.asInt();
    } else if (size != null && size.isObject()) {
      shortest = size.has("shortest_edge") ? size.get("shortest_edge").asInt() : null;
      height = size.has("height") ? size.get("height").asInt() : null;
      width = size.has("width") ? size.get("width").asInt() : null;
    }
    int cropH = 224;
    int cropW = 224;
    JsonNode crop = root.get("crop_size");
    if (crop != null && crop.isInt()) {
      cropH = crop.asInt();
      cropW = crop.asInt();
    } else if (crop != null && crop.isObject()) {
      cropH = crop.path("height").asInt(cropH);
      cropW = crop.path("width").asInt(cropW);
    }
    return new ClipPreprocessorConfig(
        root.path("do_convert_rgb").asBoolean(true),
        root.path("do_resize").asBoolean(true),
        shortest,
        height,
        width,
        root.path("resample").asInt(PIL_BICUBIC),
        root.path("do_center_crop").asBoolean(true),
        cropH,
        cropW,
        root.path("do_rescale").asBoolean(true),
        root.path("rescale_factor").asDouble(1.0 / 255.0),
        root.path("do_normalize").asBoolean(true),
        floats(root.get("image_mean"), OPENAI_CLIP_MEAN),
        floats(root.get("image_std"), OPENAI_CLIP_STD));
  }

  /** The configuration LLaVA-1.5 ships: shortest edge 336, crop 336, OpenAI CLIP statistics. */
  public static ClipPreprocessorConfig llava15() {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.putObject("size").put("shortest_edge", 336);
    root.put("crop_size", 336);
    return fromJson(root);
  }

  private static float[] floats(JsonNode node, double[] fallback) {
    double[] values = fallback;
    if (node != null && node.isArray()) {
      values = new double[node.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = node.get(i).asDouble();
      }
    } else if (node != null && node.isNumber()) {
      values = new double[] {node.asDouble(), node.asDouble(), node.asDouble()};
    }
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
