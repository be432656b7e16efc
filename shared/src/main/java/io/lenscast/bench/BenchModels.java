package io.lenscast.bench;

import io.lenscast.image.ClipImageProcessor;
import io.lenscast.image.ClipPreprocessorConfig;
import io.lenscast.image.RgbImage;
import io.lenscast.model.LlavaModel;
import io.lenscast.model.ModelOptions;
import io.lenscast.model.SyntheticSizes;
import io.lenscast.text.LlavaTokenizer;
import io.lenscast.text.PromptRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a benchmark's model and input come from: a synthetic random model of a named size built
 * in memory ({@code tiny} = the fixture's shapes, {@code bench} = CLIP 256 x 4 layers and Llama
 * 1024 x 8 layers with the full 32064 vocabulary, {@code 7b} = LLaVA-1.5-7B's shapes, for a GPU)
 * with LLaVA-1.5's preprocessing and the fixture prompt's ids, or a model folder with its own
 * preprocessor config and tokenizer.
 */
public final class BenchModels {
  private static final long SEED = 20240501L;

  private BenchModels() {}

  /** Size names {@link #synthetic} accepts. */
  public static List<String> syntheticSizes() {
    return List.of("tiny", "bench", "7b");
  }

  /** A random model of {@code size}; IllegalArgumentException naming the sizes for others. */
  public static LlavaModel synthetic(String size, ModelOptions options) {
    String engineName = switch (size) {
      case "tiny", "bench" -> size;
      case "7b", "llava-7b" -> "llava-7b";
      default -> throw new IllegalArgumentException("unknown synthetic size '" + size
          + "' (known: " + String.join(", ", syntheticSizes()) + ")");
    };
    return LlavaModel.synthetic(SyntheticSizes.config(engineName), SEED, options);
  }

  /** Input for a synthetic model: LLaVA-1.5 preprocessing and the fixture p0 prompt's ids. */
  public static BenchInput syntheticInput(String size, RgbImage image, String imageLabel) {
    return new BenchInput("synthetic " + size, imageLabel, image,
        new ClipImageProcessor(ClipPreprocessorConfig.llava15()), BenchPrompt.ids());
  }

  /**
   * Input for a model loaded from a folder: its {@code preprocessor_config.json} (LLaVA-1.5's
   * when absent) and {@link BenchPrompt#TEXT} tokenised by its {@code tokenizer.json} (the
   * fixture ids when absent).
   */
  public static BenchInput folderInput(LlavaModel model, RgbImage image, String imageLabel)
      throws IOException {
    Path dir = model.folder();
    Path pre = dir.resolve("preprocessor_config.json");
    ClipPreprocessorConfig config = Files.isRegularFile(pre) ? ClipPreprocessorConfig.load(pre)
        : ClipPreprocessorConfig.llava15();
    int[] ids = BenchPrompt.ids();
    if (Files.isRegularFile(dir.resolve("tokenizer.json"))) {
      try (LlavaTokenizer tokenizer = LlavaTokenizer.load(dir,
          model.config().imageTokenIndex(), 4096)) {
        ids = tokenizer.encodePrompt(BenchPrompt.TEXT);
      } catch (PromptRejectedException e) {
        throw new IOException(dir + ": the tokenizer cannot encode the benchmark prompt: "
            + e.getMessage(), e);
      }
    }
    return new BenchInput(dir.toString(), imageLabel, image, new ClipImageProcessor(config), ids);
  }
}
