package io.lenscast.analysis.experiment;

import io.lenscast.analysis.ablation.ContextControl;
import io.lenscast.analysis.dataset.LabeledImage;
import io.lenscast.analysis.geometry.GridCells;
import io.lenscast.analysis.geometry.ProcessorLocator;
import io.lenscast.events.AblationEvent;
import io.lenscast.events.Event;
import io.lenscast.events.JobEvent;
import io.lenscast.events.ResultEvent;
import io.lenscast.image.ClipImageProcessor;
import io.lenscast.image.ImageDecoder;
import io.lenscast.image.ImageRejectedException;
import io.lenscast.image.PreprocessedImage;
import io.lenscast.image.RgbImage;
import io.lenscast.job.JobFailedException;
import io.lenscast.job.LlavaJobProcessor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Experiment A for one image, as the reference's main loop: (1) the clean description must
 * name the class, (2) with the object's patches replaced by noise it must not (context
 * control), then (3) the describe and polling tasks run under every condition, and VQA too when
 * the image has a clean question. Steps 1-2 can be switched off.
 */
final class AblationItemRunner implements ItemRunner {
  private final LlavaJobProcessor processor;
  private final ClipImageProcessor images;
  private final ImageDecoder decoder;
  private final int patchSize;
  private final ExperimentSettings settings;

  AblationItemRunner(LlavaJobProcessor processor, ClipImageProcessor images, int patchSize,
      ExperimentSettings settings) {
    this.processor = processor;
    this.images = images;
    this.decoder = new ImageDecoder(Long.MAX_VALUE);
    this.patchSize = patchSize;
    this.settings = settings;
  }

  @Override
  public ExperimentRecord run(LabeledImage item, byte[] bytes)
      throws JobFailedException, IOException {
    if (Jobs.objects(item.target()) == null) {
      return ExperimentRecord.skipped(item.key(), item.className(),
          "target has no box or polygon (crowd RLE)");
    }
    if (settings.contextControl()) {
      String clean = describe(item, bytes, "clean");
      if (!clean.contains(item.className())) {
        return ExperimentRecord.skipped(item.key(), item.className(),
            "clean description does not name the class");
      }
      String noised = describe(item, noised(item, bytes), "noised");
      if (noised.contains(item.className())) {
        return ExperimentRecord.skipped(item.key(), item.className(),
            "context control: description with the object noised still names the class");
      }
    }
    JobEvent.Ablation ablation = new JobEvent.Ablation(settings.conditions(), null,
        settings.seed(), settings.meanVector(), settings.zeroAblation() ? "zero" : "mean");
    List<AblationEvent> events = new ArrayList<>();
    for (String task : List.of("describe", "polling")) {
      events.addAll(Jobs.only(Jobs.run(processor, Jobs.job("exp-" + item.key() + "-" + task,
          item, task, null, analyses(ablation)), bytes), AblationEvent.class));
    }
    if (item.question() != null) {
      events.addAll(Jobs.only(Jobs.run(processor, Jobs.job("exp-" + item.key() + "-vqa", item,
          "vqa", item.question(), analyses(ablation)), bytes), AblationEvent.class));
    }
    return new ExperimentRecord(item.key(), ExperimentRecord.DONE, null, item.className(),
        events, null, null);
  }

  private JobEvent.Analyses analyses(JobEvent.Ablation ablation) {
    return new JobEvent.Analyses(null, ablation, null, settings.maxNewTokens() == null ? null
        : new JobEvent.Generate(settings.maxNewTokens()));
  }

  private String describe(LabeledImage item, byte[] bytes, String variant)
      throws JobFailedException {
    int tokens = settings.maxNewTokens() == null ? 200 : settings.maxNewTokens();
    JobEvent job = Jobs.job("exp-" + item.key() + "-" + variant, item, "describe", null,
        new JobEvent.Analyses(null, null, null, new JobEvent.Generate(tokens)));
    List<Event> events = Jobs.run(processor, job, bytes);
    ResultEvent result = Jobs.only(events, ResultEvent.class).get(0);
    return result.generated() == null ? "" : result.generated().text();
  }

  /** The model's own crop of the image with the object's patches noised, as a PNG. */
  private byte[] noised(LabeledImage item, byte[] bytes) throws JobFailedException, IOException {
    RgbImage rgb;
    try {
      rgb = decoder.decode(bytes);
    } catch (ImageRejectedException e) {
      throw new JobFailedException(JobFailedException.BAD_IMAGE, e.getMessage(), e);
    }
    PreprocessedImage pre = images.process(rgb);
    GridCells cells = ProcessorLocator.locate(item.target(), pre.geometry(), patchSize);
    RgbImage noised = ContextControl.noiseCells(pre.crop(), cells, patchSize, settings.seed());
    BufferedImage out = new BufferedImage(noised.width(), noised.height(),
        BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < noised.height(); y++) {
      for (int x = 0; x < noised.width(); x++) {
        out.setRGB(x, y, (noised.get(x, y, 0) << 16) | (noised.get(x, y, 1) << 8)
            | noised.get(x, y, 2));
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(out, "png", png);
    return png.toByteArray();
  }
}
