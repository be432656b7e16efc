package io.lenscast.cli;

import io.lenscast.analysis.ablation.MeanVector;
import io.lenscast.analysis.stage.MeanVectorBuilder;
import io.lenscast.model.LlavaModel;
import io.lenscast.model.ModelOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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
    OptionParser p = new OptionParser("mean-vector");
    ModelFolderOption.declare(p);
    p.option("--images", "DIR", "folder of images (PNG, JPEG, BMP, GIF)");
    OutputFileOption.declare(p, "FILE.npy", "where to write the float32 [D] vector");
    DeviceOption.declare(p);
    return HelpOption.declare(p);
  }

  @Override
  public int run(List<String> args) throws Exception {
    OptionParser parser = parser();
    ParsedOptions o = parser.parse(args);
    if (HelpOption.answered(o, parser, "mean-vector --model DIR --images DIR --out FILE.npy",
        err)) {
      return 0;
    }
    Path modelDir = ModelFolderOption.folder(o);
    Path images = o.existingDirectory("--images");
    Path out = OutputFileOption.required(o);
    List<Path> files = ImageFolder.list(images);
    if (files.isEmpty()) {
      throw new UsageException("--images: no PNG/JPEG/BMP/GIF files in " + images);
    }
    ModelOptions device = DeviceOption.parse(o);
    try (LlavaModel model = ModelFolderOption.loadModel(modelDir, device)) {
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
}
