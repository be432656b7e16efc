package io.lenscast.cli;

import io.lenscast.analysis.ablation.MeanVector;
import io.lenscast.analysis.stage.MeanVectorBuilder;
import io.lenscast.model.LlavaModel;
import io.lenscast.model.ModelOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./lenscast mean-vector --model DIR --images DIR --out FILE.npy}: the ablation mean
 * vector over a folder of images (the average of every visual embedding), one image at a time
 * with a progress bar; unreadable images are reported and skipped.
 */
final class MeanVectorCommand implements Command {
  private final PrintStream err;

  MeanVectorCommand() {
    this(System.err);
  }

  MeanVectorCommand(PrintStream err) {
    this.err = err;
  }

  @Override
  public String name() {
    return "mean-vector";
  }

  @Override
  public String summary() {
    return "average visual embedding over an image folder (the ablation mean), as .npy";
  }

  static OptionParser parser() {
    return new OptionParser("mean-vector")
        .option("--model", "DIR", "model folder")
        .option("--images", "DIR", "folder of images (PNG, JPEG, BMP, GIF)")
        .option("--out", "FILE.npy", "where to write the float32 [D] vector")
        .option("--device", "auto|cpu|gpu", "where to run (default auto)")
        .flag("--help", "show this help");
  }

  @Override
  public int run(List<String> args) throws Exception {
    OptionParser parser = parser();
    ParsedOptions o = parser.parse(args);
    if (o.has("--help")) {
      err.print("usage: ./lenscast mean-vector --model DIR --images DIR --out FILE.npy\n"
          + parser.help());
      return 0;
    }
    Path modelDir = o.existingDirectory("--model");
    Path images = o.existingDirectory("--images");
    Path out = Path.of(o.required("--out"));
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageException("--out: folder does not exist: " + parent);
    }
    List<Path> files = imageFiles(images);
    if (files.isEmpty()) {
      throw new UsageException("--images: no PNG/JPEG/BMP/GIF files in " + images);
    }
    ModelOptions device;
    try {
      device = new ModelOptions(o.get("--device") == null ? "auto" : o.get("--device"));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--device " + e.getMessage());
    }
    try (LlavaModel model = load(modelDir, device)) {
      MeanVectorBuilder builder = new MeanVectorBuilder(model,
          MeanVectorBuilder.preprocessing(modelDir), 40_000_000L);
      ProgressBar bar = new ProgressBar(err, files.size(), "images");
      int skipped = 0;
      for (Path f : files) {
        try {
          builder.add(f);
        } catch (IOException e) {
          skipped++;
          err.println();
          err.println("skipped " + e.getMessage());
        }
        bar.step();
      }
      if (builder.accumulator().images() == 0) {
        throw new UsageException("no image in " + images + " could be read");
      }
      MeanVector v = builder.accumulator().write(out);
      err.printf(Locale.ROOT, "wrote %s: %d images (%d skipped), dim %d, L2 norm %.4f,"
          + " sha256 %s%n", out, builder.accumulator().images(), skipped, v.dim(), v.norm(),
          v.sha256());
      return 0;
    }
  }

  private static LlavaModel load(Path dir, ModelOptions device) {
    try {
      return LlavaModel.load(dir, device);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException("bad model folder: " + e.getMessage());
    }
  }

  static List<Path> imageFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")
            || n.endsWith(".bmp") || n.endsWith(".gif");
      }).sorted().toList();
    }
  }
}
