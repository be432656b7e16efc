package io.lenscast.cli;

import io.lenscast.events.JobEvent;
import io.lenscast.job.JobFailedException;
import io.lenscast.job.LlavaJobProcessor;
import io.lenscast.job.ProcessorSettings;
import io.lenscast.model.ModelOptions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * {@code ./lenscast analyze}: one job in process, no Kafka. Loads the model folder, runs the job
 * through {@link LlavaJobProcessor} and writes its events (layers in order, result last) as JSONL
 * to {@code --out} or stdout. Bad usage and bad input exit 2 with a one-line reason.
 */
public final class AnalyzeCommand implements Command {
  /** The limits {@link JobOptions} enforces on {@code --top-k} and {@code --generate}. */
  private static final int MAX_TOP_K = 100;
  private static final int MAX_NEW_TOKENS = 1024;

  private final PrintStream stdout;

  public AnalyzeCommand() {
    this(new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8));
  }

  AnalyzeCommand(PrintStream stdout) {
    this.stdout = stdout;
  }

  @Override
  public String name() {
    return "analyze";
  }

  @Override
  public String summary() {
    return "run one image through the model and the logit lens, events as JSONL";
  }

  static OptionParser parser() {
    OptionParser p = new OptionParser("analyze");
    ModelFolderOption.declare(p, "model folder (llava-hf layout or HF cache snapshot)");
    p.option("--image", "FILE", "image file (JPEG, PNG, BMP, GIF)");
    OutputFileOption.declare(p, "FILE", "write JSONL here instead of stdout");
    DeviceOption.declare(p);
    p.option("--max-pixels", "N", "refuse larger images (default 40000000)");
    HelpOption.declare(p);
    return JobOptions.declare(p);
  }

  @Override
  public int run(List<String> args) throws Exception {
    OptionParser parser = parser();
    ParsedOptions o = parser.parse(args);
    if (HelpOption.answered(o, parser, "analyze --model DIR --image FILE (--prompt TEXT | --task"
        + " NAME) [options]", System.err)) {
      return 0;
    }
    Path modelDir = ModelFolderOption.folder(o);
    Path imageFile = o.existingFile("--image");
    JobEvent job = withId(JobOptions.toJob(o, null, null, null), UUID.randomUUID().toString());
    ModelOptions device = DeviceOption.parse(o);
    ProcessorSettings defaults = ProcessorSettings.defaults();
    ProcessorSettings settings = new ProcessorSettings(
        o.intValue("--max-pixels", (int) defaults.maxImagePixels(), 1, Integer.MAX_VALUE),
        defaults.maxPromptTokens(), defaults.defaultTopK(), MAX_TOP_K, MAX_NEW_TOKENS);
    byte[] image = Files.readAllBytes(imageFile);
    Path out = OutputFileOption.optional(o);
    try (LlavaJobProcessor processor = ModelFolderOption.openProcessor(modelDir, device,
        settings)) {
      PrintStream sinkStream = out == null ? stdout : fileStream(out);
      try {
        processor.process(job, image, new JsonlSink(sinkStream));
      } finally {
        if (out == null) {
          sinkStream.flush();
        } else {
          sinkStream.close();
        }
      }
      return 0;
    } catch (JobFailedException e) {
      if (e.code().equals(JobFailedException.INTERNAL)) {
        System.err.println("lenscast analyze: " + e.getMessage());
        return 1;
      }
      throw new UsageException(e.getMessage());
    }
  }

  private static JobEvent withId(JobEvent j, String jobId) {
    return new JobEvent(j.schema(), j.version(), jobId, j.image(), j.prompt(), j.task(),
        j.className(), j.question(), j.objects(), j.analyses(), j.model(), j.experiment(), j.tag(),
        System.currentTimeMillis());
  }

  private static PrintStream fileStream(Path out) throws IOException {
    return new PrintStream(new FileOutputStream(out.toFile()), false, StandardCharsets.UTF_8);
  }
}
