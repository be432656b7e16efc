package io.lenscast.cli;

import io.lenscast.analysis.dataset.CleanQuestions;
import io.lenscast.analysis.dataset.CocoSelection;
import io.lenscast.analysis.dataset.LabeledImage;
import io.lenscast.analysis.experiment.ExperimentKind;
import io.lenscast.analysis.experiment.ExperimentRunner;
import io.lenscast.analysis.experiment.ExperimentSettings;
import io.lenscast.analysis.experiment.ExperimentStore;
import io.lenscast.analysis.stage.MeanVectorBuilder;
import io.lenscast.job.LlavaJobProcessor;
import io.lenscast.job.ProcessorSettings;
import io.lenscast.model.ModelOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./lenscast experiment --model DIR --coco FILE --images DIR --experiment
 * ablation|knockout|lens [--limit N] [--out DIR]}: one of the paper's experiments over a COCO
 * set, in process, resumable (results keyed by image id in {@code OUT/results.jsonl}; run the
 * same command again after a crash), printing the paper-style table at the end.
 */
final class ExperimentCommand implements Command {
  private final PrintStream out;
  private final PrintStream err;

  ExperimentCommand() {
    this(System.out, System.err);
  }

  ExperimentCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public String name() {
    return "experiment";
  }

  @Override
  public String summary() {
    return "run the paper's ablation/knockout/lens experiment over a COCO set (resumable)";
  }

  static OptionParser parser() {
    OptionParser p = new OptionParser("experiment");
    ModelFolderOption.declare(p);
    p.option("--coco", "FILE", "COCO instances_*.json")
        .option("--images", "DIR", "folder of the COCO images")
        .option("--experiment", "ablation|knockout|lens", "which experiment")
        .option("--limit", "N", "stop after N completed images (ablation: the paper's 1000)")
        .option("--out", "DIR", "results folder (default experiments/<experiment>)")
        .option("--questions", "FILE", "clean VQA questions (knockout: required; ablation: adds"
            + " VQA)")
        .option("--conditions", "LIST", "ablation conditions, comma-separated, cells:LIST"
            + " included (default: the paper's)")
        .option("--edge-sets", "LIST", "knockout edge sets, comma-separated (default: the"
            + " paper's)")
        .option("--windows", "LIST", "knockout windows, comma-separated (default: the six)")
        .option("--mean-vector", "FILE.npy", "ablation mean (default: each image's own mean)")
        .flag("--zero", "zero ablation instead of a mean")
        .option("--seed", "S", "seed of random conditions and noise (default 0)")
        .option("--max-new-tokens", "N", "generation length override (default: 200 / 10)")
        .flag("--no-context-control", "keep images whatever their clean description says");
    DeviceOption.declare(p);
    return HelpOption.declare(p);
  }

  @Override
  public int run(List<String> args) throws Exception {
    OptionParser parser = parser();
    ParsedOptions o = parser.parse(args);
    if (HelpOption.answered(o, parser, "experiment --model DIR --coco FILE --images DIR"
        + " --experiment ablation|knockout|lens [options]", err)) {
      return 0;
    }
    Path modelDir = ModelFolderOption.folder(o);
    Path coco = o.existingFile("--coco");
    Path images = o.existingDirectory("--images");
    ExperimentKind kind;
    try {
      kind = ExperimentKind.of(o.required("--experiment"));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    CleanQuestions questions = null;
    if (o.has("--questions")) {
      questions = loadQuestions(o.existingFile("--questions"));
    } else if (kind.needsQuestions()) {
      throw new UsageException("--experiment knockout needs --questions FILE"
          + " (e.g. shared/fixtures/data/clean_questions.json)");
    }
    if (o.has("--zero") && o.has("--mean-vector")) {
      throw new UsageException("give at most one of --zero, --mean-vector");
    }
    ExperimentSettings settings = new ExperimentSettings(
        list(o, "--conditions", ExperimentSettings.PAPER_CONDITIONS),
        list(o, "--edge-sets", ExperimentSettings.PAPER_EDGE_SETS),
        list(o, "--windows", null),
        o.has("--mean-vector") ? o.existingFile("--mean-vector").toString() : null,
        o.has("--zero"), o.intValue("--seed", 0, 0, Integer.MAX_VALUE),
        o.has("--max-new-tokens") ? o.intValue("--max-new-tokens", 200, 1, 512) : null,
        !o.has("--no-context-control"), o.intValue("--limit", 0, 0, Integer.MAX_VALUE));
    Path outDir = o.has("--out") ? Path.of(o.get("--out")) : ExperimentRunner.defaultOut(kind);
    List<LabeledImage> candidates;
    try {
      candidates = CocoSelection.select(coco, images, kind.filter(),
          kind.needsQuestions() ? questions : null);
    } catch (IOException e) {
      throw new UsageException(e.getMessage());
    }
    if (questions != null && !kind.needsQuestions()) {
      candidates = withQuestions(candidates, questions);
    }
    err.println(candidates.size() + " images pass the " + kind.filter() + " filter");
    ModelOptions device = DeviceOption.parse(o);
    try (LlavaJobProcessor processor = ModelFolderOption.openProcessor(modelDir, device,
            ProcessorSettings.defaults());
         ExperimentStore store = ExperimentStore.open(outDir)) {
      if (!store.records().isEmpty()) {
        err.println("resuming: " + store.records().size() + " images already in "
            + store.file());
      }
      ExperimentRunner runner = new ExperimentRunner(kind, processor,
          MeanVectorBuilder.preprocessing(modelDir), settings);
      ProgressBar bar = new ProgressBar(err, candidates.size(), "images");
      int[] shown = {0};
      runner.run(candidates, store, settings.limit(), handled -> {
        while (shown[0] < handled) {
          bar.step();
          shown[0]++;
        }
      });
      err.println();
      out.print(ExperimentRunner.table(kind, store));
      out.flush();
      return 0;
    }
  }

  private static List<LabeledImage> withQuestions(List<LabeledImage> items, CleanQuestions q) {
    return items.stream().map(i -> new LabeledImage(i.key(), i.path(), i.width(), i.height(),
        i.className(), i.target(), i.objects(),
        q.first(Long.parseLong(i.key())).orElse(null))).toList();
  }

  private static CleanQuestions loadQuestions(Path file) {
    try {
      return CleanQuestions.load(file);
    } catch (IOException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static List<String> list(ParsedOptions o, String name, List<String> fallback) {
    if (!o.has(name)) {
      return fallback;
    }
    List<String> items = ConditionList.split(o.get(name));
    if (items.isEmpty()) {
      throw new UsageException(name + " is empty");
    }
    return items;
  }
}
