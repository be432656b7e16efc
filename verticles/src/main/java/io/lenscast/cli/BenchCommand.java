package io.lenscast.cli;

import io.lenscast.bench.BenchInput;
import io.lenscast.bench.BenchModels;
import io.lenscast.bench.BenchOptions;
import io.lenscast.bench.BenchReport;
import io.lenscast.bench.BenchReportFormat;
import io.lenscast.bench.Benchmark;
import io.lenscast.bench.TestPattern;
import io.lenscast.image.ImageDecoder;
import io.lenscast.image.ImageRejectedException;
import io.lenscast.image.RgbImage;
import io.lenscast.model.LlavaModel;
import io.lenscast.model.ModelFormatException;
import io.lenscast.model.ModelOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./lenscast bench}: loads a model folder or builds a synthetic one, runs
 * {@link Benchmark} on one image and the benchmark prompt, and prints the per-stage table (or,
 * with {@code --json}, one JSON object on stdout). Progress goes to stderr.
 */
public final class BenchCommand implements Command {
  private static final int TEST_PATTERN_WIDTH = 640;
  private static final int TEST_PATTERN_HEIGHT = 480;
  private static final long MAX_IMAGE_PIXELS = 40_000_000L;

  private final PrintStream out;
  private final PrintStream err;

  public BenchCommand() {
    this(System.out, System.err);
  }

  BenchCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "time the stages, the lens overhead, tokens/s and peak memory (--model or "
        + "--synthetic)";
  }

  private static OptionParser parser() {
    OptionParser p = new OptionParser("bench");
    ModelFolderOption.declare(p, "benchmark a model folder");
    p.option("--synthetic", "SIZE", "benchmark a random model built in memory: "
            + String.join(", ", BenchModels.syntheticSizes()) + " (default bench)")
        .option("--image", "FILE", "image to preprocess (default: a 640x480 test pattern)")
        .option("--repeat", "N", "timed repeats, medians reported (default "
            + BenchOptions.DEFAULT_REPEATS + ")")
        .option("--warmup", "N", "untimed warm-up rounds (default 1)")
        .option("--generate", "N", "new tokens of greedy generation (default "
            + BenchOptions.DEFAULT_GENERATE + ")");
    DeviceOption.declare(p, "DEVICE", "auto, cpu or gpu (default auto)");
    p.flag("--json", "print one JSON object instead of the table");
    return HelpOption.declare(p);
  }

  @Override
  public int run(List<String> args) throws Exception {
    OptionParser parser = parser();
    ParsedOptions o = parser.parse(args);
    if (HelpOption.answered(o, parser, "bench [--model DIR | --synthetic SIZE] [options]", err)) {
      return 0;
    }
    if (o.has("--model") && o.has("--synthetic")) {
      throw new UsageException("give only one of --model, --synthetic");
    }
    BenchOptions options = new BenchOptions(o.intValue("--warmup", 1, 0, 100),
        o.intValue("--repeat", BenchOptions.DEFAULT_REPEATS, 1, 1000),
        o.intValue("--generate", BenchOptions.DEFAULT_GENERATE, 2, 4096),
        BenchOptions.defaults().topK(), BenchOptions.defaults().chunkSize());
    ModelOptions modelOptions = DeviceOption.parse(o);
    RgbImage image = image(o);
    String imageLabel = o.has("--image") ? o.get("--image")
        : "test pattern " + TEST_PATTERN_WIDTH + "x" + TEST_PATTERN_HEIGHT;
    String size = o.has("--synthetic") ? o.get("--synthetic") : "bench";
    if (!o.has("--model") && !BenchModels.syntheticSizes().contains(size)) {
      throw new UsageException("--synthetic: unknown size '" + size + "' (known: "
          + String.join(", ", BenchModels.syntheticSizes()) + ")");
    }
    Path dir = o.has("--model") ? ModelFolderOption.folder(o) : null;
    err.println("lenscast bench: " + (dir != null ? "loading " + dir
        : "building synthetic model '" + size + "'") + "...");
    try (LlavaModel model = dir != null ? load(dir, modelOptions)
        : BenchModels.synthetic(size, modelOptions)) {
      BenchInput input = dir != null ? BenchModels.folderInput(model, image, imageLabel)
          : BenchModels.syntheticInput(size, image, imageLabel);
      err.println("lenscast bench: " + model.device() + " " + model.dtype() + ", "
          + options.warmup() + " warm-up + " + options.repeats() + " timed repeats...");
      BenchReport report = new Benchmark(model, input, options).run();
      out.println(o.has("--json") ? BenchReportFormat.json(report).toString()
          : BenchReportFormat.table(report));
      out.flush();
    }
    return 0;
  }

  private static LlavaModel load(Path dir, ModelOptions options) throws IOException {
    try {
      return LlavaModel.load(dir, options);
    } catch (ModelFormatException e) {
      throw new UsageException("--model: " + e.getMessage());
    }
  }

  private static RgbImage image(ParsedOptions o) throws IOException {
    if (!o.has("--image")) {
      return TestPattern.of(TEST_PATTERN_WIDTH, TEST_PATTERN_HEIGHT);
    }
    Path file = o.existingFile("--image");
    try {
      return new ImageDecoder(MAX_IMAGE_PIXELS).decode(Files.readAllBytes(file));
    } catch (ImageRejectedException e) {
      throw new UsageException("--image: " + file + ": " + e.getMessage());
    }
  }
}
