package io.lenscast.analysis.experiment;

import io.lenscast.analysis.dataset.LabeledImage;
import io.lenscast.analysis.geometry.ProcessorLocator;
import io.lenscast.analysis.metrics.AblationMetrics;
import io.lenscast.analysis.metrics.KnockoutMetrics;
import io.lenscast.analysis.metrics.LensMetrics;
import io.lenscast.analysis.metrics.MetricsTables;
import io.lenscast.image.ClipImageProcessor;
import io.lenscast.image.ClipPreprocessorConfig;
import io.lenscast.job.JobFailedException;
import io.lenscast.job.LlavaJobProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs one of the paper's experiments over a list of dataset items, resumable: items already
 * in the {@link ExperimentStore} are not run again, every finished item (done or skipped) is
 * written before the next starts, and {@code limit} counts DONE items (like the reference's
 * 1000 successful images). Items that fail (bad image, object outside the crop) are recorded
 * as skipped with the reason; the run goes on.
 */
public final class ExperimentRunner {
  private final ExperimentKind kind;
  private final ItemRunner items;

  public ExperimentRunner(ExperimentKind kind, LlavaJobProcessor processor,
      ClipPreprocessorConfig preprocessing, ExperimentSettings settings) {
    this.kind = kind;
    int patch = processor.model().config().vision().patchSize();
    this.items = switch (kind) {
      case ABLATION -> new AblationItemRunner(processor, new ClipImageProcessor(preprocessing),
          patch, settings);
      case KNOCKOUT -> new KnockoutItemRunner(processor, settings);
      case LENS -> new LensItemRunner(processor, new ProcessorLocator(preprocessing, patch));
    };
  }

  /**
   * @param progress told the number of items handled so far (resumed ones included)
   * @return how many items this call ran (not counting resumed ones)
   */
  public int run(List<LabeledImage> candidates, ExperimentStore store, int limit,
      IntConsumer progress) throws IOException {
    int ran = 0;
    int handled = 0;
    long done = store.records().stream().filter(ExperimentRecord::done).count();
    for (LabeledImage item : candidates) {
      if (limit > 0 && done >= limit) {
        break;
      }
      handled++;
      if (store.has(item.key())) {
        progress.accept(handled);
        continue;
      }
      ExperimentRecord record = runOne(item);
      store.put(record);
      ran++;
      done += record.done() ? 1 : 0;
      progress.accept(handled);
    }
    return ran;
  }

  private ExperimentRecord runOne(LabeledImage item) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(item.path());
    } catch (IOException e) {
      return ExperimentRecord.skipped(item.key(), item.className(), "unreadable image "
          + item.path());
    }
    try {
      return items.run(item, bytes);
    } catch (JobFailedException e) {
      return ExperimentRecord.skipped(item.key(), item.className(), e.code() + ": "
          + e.getMessage());
    }
  }

  /** The paper-style table of everything in the store. */
  public static String table(ExperimentKind kind, ExperimentStore store) {
    List<ExperimentRecord> records = store.records();
    long done = records.stream().filter(ExperimentRecord::done).count();
    String header = String.format("%s experiment: %d items, %d done, %d skipped (%s)%n",
        kind.id(), records.size(), done, records.size() - done, store.file());
    return header + switch (kind) {
      case ABLATION -> {
        AblationMetrics m = new AblationMetrics();
        records.stream().filter(r -> r.ablations() != null)
            .forEach(r -> r.ablations().forEach(m::add));
        yield MetricsTables.ablation(m.snapshot());
      }
      case KNOCKOUT -> {
        KnockoutMetrics m = new KnockoutMetrics();
        records.stream().filter(r -> r.knockouts() != null)
            .forEach(r -> r.knockouts().forEach(m::add));
        yield MetricsTables.knockout(m.snapshot());
      }
      case LENS -> {
        LensMetrics m = new LensMetrics();
        records.stream().filter(r -> r.lens() != null).forEach(r -> m.add(r.key(), r.lens()));
        yield MetricsTables.lens(m.snapshot());
      }
    };
  }

  /** The experiment's store folder default: {@code ./experiments/<kind>}. */
  public static Path defaultOut(ExperimentKind kind) {
    return Path.of("experiments", kind.id());
  }
}
