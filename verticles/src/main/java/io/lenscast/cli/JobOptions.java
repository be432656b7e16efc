package io.lenscast.cli;

import io.lenscast.events.JobEvent;
import io.lenscast.events.Schemas;
import java.util.ArrayList;
import java.util.List;

/**
 * The job options {@code analyze} and {@code publish} share ({@code --prompt}/{@code --task},
 * {@code --class}, {@code --question}, {@code --top-k}, {@code --object} with {@code --bbox} or
 * {@code --polygon}, {@code --buffer}, {@code --ablate}, {@code --mean-vector},
 * {@code --knockout}/{@code --layers}, {@code --generate}), turned into a {@link JobEvent}
 * without image or id.
 */
public final class JobOptions {
  private JobOptions() {}

  public static OptionParser declare(OptionParser p) {
    return p.option("--prompt", "TEXT", "prompt used verbatim; must contain one <image>")
        .option("--task", "describe|polling|vqa", "a paper task instead of --prompt")
        .option("--class", "NAME", "the object class the task asks about / scores")
        .option("--question", "TEXT", "VQA question")
        .option("--top-k", "K", "logit-lens top-k per position (default 5)")
        .flag("--no-lens", "no logit lens (with --ablate, --knockout or --generate)")
        .option("--object", "LABEL", "annotated object label")
        .option("--bbox", "X,Y,W,H", "object box in image pixels")
        .option("--polygon", "X1,Y1,...", "object polygon in image pixels")
        .option("--buffer", "B", "object buffer in grid cells for object_bB conditions")
        .repeatable("--ablate", "CONDITION", "ablation condition (object_b1, register, ...)")
        .option("--mean-vector", "FILE.npy", "ablation mean vector")
        .repeatable("--knockout", "EDGESET", "attention knockout edge set (object_b1->last)")
        .repeatable("--layers", "A-B|WINDOW", "knockout layer windows")
        .option("--generate", "N", "generate up to N new tokens");
  }

  /** The job these options describe (no image, no jobId). */
  public static JobEvent toJob(ParsedOptions o, String model, String experiment, String tag) {
    if (o.has("--prompt") == o.has("--task")) {
      throw new UsageException("give exactly one of --prompt, --task");
    }
    String task = o.get("--task");
    if (task != null && !List.of("describe", "polling", "vqa").contains(task)) {
      throw new UsageException("--task must be describe, polling or vqa, got '" + task + "'");
    }
    String prompt = o.get("--prompt");
    if (prompt != null && prompt.split("<image>", -1).length != 2) {
      throw new UsageException("--prompt must contain exactly one <image>");
    }
    List<JobEvent.ObjectAnnotation> objects = null;
    if (o.has("--object")) {
      if (o.has("--bbox") == o.has("--polygon")) {
        throw new UsageException("--object needs exactly one of --bbox, --polygon");
      }
      double[] bbox = o.has("--bbox") ? numbers("--bbox", o.get("--bbox"), 4) : null;
      List<double[]> polygons = o.has("--polygon")
          ? List.of(numbers("--polygon", o.get("--polygon"), -1)) : null;
      objects = List.of(new JobEvent.ObjectAnnotation(o.get("--object"), bbox, polygons));
    } else if (o.has("--bbox") || o.has("--polygon")) {
      throw new UsageException("--bbox/--polygon need --object LABEL");
    }
    JobEvent.Ablation ablation = o.has("--ablate") ? new JobEvent.Ablation(
        o.getAll("--ablate"), o.has("--buffer") ? o.intValue("--buffer", 1, 0, 8) : null, 0L,
        o.get("--mean-vector"), null) : null;
    JobEvent.Knockout knockout = null;
    if (o.has("--knockout")) {
      knockout = new JobEvent.Knockout(o.getAll("--knockout"),
          o.has("--layers") ? o.getAll("--layers") : null);
    } else if (o.has("--layers")) {
      throw new UsageException("--layers needs --knockout EDGESET");
    }
    JobEvent.Generate generate = o.has("--generate")
        ? new JobEvent.Generate(o.intValue("--generate", 1, 1, 1024)) : null;
    JobEvent.LogitLens lens = new JobEvent.LogitLens(o.intValue("--top-k", 5, 1, 100));
    if (o.has("--no-lens")) {
      if (o.has("--top-k")) {
        throw new UsageException("--top-k is the lens's: give it or --no-lens, not both");
      }
      if (ablation == null && knockout == null && generate == null) {
        throw new UsageException("--no-lens needs --ablate, --knockout or --generate (a job"
            + " asking for nothing else gets the lens)");
      }
      lens = null;
    }
    JobEvent.Analyses analyses = new JobEvent.Analyses(lens, ablation, knockout, generate);
    return new JobEvent(Schemas.JOB, 1, null, null, prompt, task, o.get("--class"),
        o.get("--question"), objects, analyses, model, experiment, tag, null);
  }

  private static double[] numbers(String option, String text, int count) {
    String[] parts = text.split(",");
    if (count > 0 && parts.length != count || count < 0 && (parts.length < 6
        || parts.length % 2 != 0)) {
      throw new UsageException(option + " needs " + (count > 0 ? count + " numbers"
          : "an even number (>= 6) of numbers") + ", got '" + text + "'");
    }
    List<Double> out = new ArrayList<>();
    for (String p : parts) {
      try {
        out.add(Double.parseDouble(p.trim()));
      } catch (NumberFormatException e) {
        throw new UsageException(option + ": '" + p + "' is not a number");
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
