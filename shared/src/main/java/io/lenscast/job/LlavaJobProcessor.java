package io.lenscast.job;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.Version;
import io.lenscast.events.Event;
import io.lenscast.events.EventSink;
import io.lenscast.events.JobEvent;
import io.lenscast.events.ResultEvent;
import io.lenscast.events.ResultEvent.ModelInfo;
import io.lenscast.events.Schemas;
import io.lenscast.events.TopK;
import io.lenscast.image.ClipImageProcessor;
import io.lenscast.image.ClipPreprocessorConfig;
import io.lenscast.image.ImageDecoder;
import io.lenscast.image.ImageRejectedException;
import io.lenscast.image.PreprocessedImage;
import io.lenscast.image.RgbImage;
import io.lenscast.model.LlavaModel;
import io.lenscast.model.ModelOptions;
import io.lenscast.text.LlavaTokenizer;
import io.lenscast.text.PromptRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one LLaVA job: decode and preprocess the image, build and tokenise the prompt, run the model
 * once with the logit lens streamed (one {@code lenscast.layer} event per layer as it is computed;
 * only when the job wants the lens, see {@link JobRequest}), optionally generate greedily, then the
 * {@link AnalysisStage}s (ablation, knockout), then the {@code lenscast.result} event. A job
 * without the lens reports its progress through {@link EventSink#progress} instead (one step per
 * run). Every bad input becomes a {@link JobFailedException} with a one-line message. One job at a
 * time; the model is loaded once and reused.
 */
public final class LlavaJobProcessor implements JobProcessor {
  private final LlavaModel model;
  private final LlavaTokenizer tokenizer;
  private final ClipImageProcessor images;
  private final ImageDecoder decoder;
  private final ProcessorSettings settings;
  private final ModelInfo modelInfo;
  private final List<AnalysisStage> stages;

  private LlavaJobProcessor(LlavaModel model, LlavaTokenizer tokenizer, ClipImageProcessor images,
      ProcessorSettings settings, ModelInfo modelInfo, List<AnalysisStage> stages) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.images = images;
    this.decoder = new ImageDecoder(settings.maxImagePixels());
    this.settings = settings;
    this.modelInfo = modelInfo;
    this.stages = List.copyOf(stages);
  }

  /** The model folder with default settings, device auto and no analysis stages. */
  public static LlavaJobProcessor open(Path modelDir) throws IOException {
    return open(modelDir, ModelOptions.defaults(), ProcessorSettings.defaults(), List.of());
  }

  /**
   * Loads the model folder (weights, tokenizer, preprocessor config).
   *
   * @param stages analyses run after the baseline forward, in order
   * @throws IOException for a folder that is not a usable LLaVA checkpoint (message names the
   *     file)
   */
  public static LlavaJobProcessor open(Path modelDir, ModelOptions options,
      ProcessorSettings settings, List<AnalysisStage> stages) throws IOException {
    LlavaModel model = LlavaModel.load(modelDir, options);
    LlavaTokenizer tokenizer = null;
    try {
      tokenizer = LlavaTokenizer.load(model.folder(), model.config().imageTokenIndex(),
          settings.maxPromptTokens());
      ClipImageProcessor images = new ClipImageProcessor(preprocessorConfig(model));
      ModelInfo info = ModelIdentity.of(model.folder(), model.dtype(), model.device());
      return new LlavaJobProcessor(model, tokenizer, images, settings, info, stages);
    } catch (IOException | RuntimeException e) {
      if (tokenizer != null) {
        tokenizer.close();
      }
      model.close();
      throw e;
    }
  }

  /** The folder's preprocessor config, or CLIP's at the tower's image size when absent. */
  private static ClipPreprocessorConfig preprocessorConfig(LlavaModel model) throws IOException {
    int size = model.config().vision().imageSize();
    Path file = model.folder().resolve("preprocessor_config.json");
    ClipPreprocessorConfig config;
    if (Files.isRegularFile(file)) {
      config = ClipPreprocessorConfig.load(file);
    } else {
      ObjectMapper json = new ObjectMapper();
      var root = json.createObjectNode();
      root.putObject("size").put("shortest_edge", size);
      root.put("crop_size", size);
      config = ClipPreprocessorConfig.fromJson(root);
    }
    if (!config.doCenterCrop() || config.cropHeight() != size || config.cropWidth() != size) {
      throw new IOException(file + ": crop size " + config.cropWidth() + "x"
          + config.cropHeight() + " does not match the vision tower's image_size " + size);
    }
    return config;
  }

  public LlavaModel model() {
    return model;
  }

  public LlavaTokenizer tokenizer() {
    return tokenizer;
  }

  public ModelInfo modelInfo() {
    return modelInfo;
  }

  @Override
  public synchronized void process(JobEvent job, byte[] imageBytes, EventSink sink)
      throws JobFailedException {
    StageTimer timer = new StageTimer();
    long start = System.nanoTime();
    JobRequest request = JobRequest.of(job, settings, stages);
    PreprocessedImage image = images.process(checkResizedSize(decode(imageBytes)));
    long t = timer.stop("preprocess", start);
    int[] inputIds = tokenize(request.prompt());
    timer.stop("tokenize", t);

    int imageStart = model.imageStart(inputIds);
    try (NDManager manager = NDManager.newBaseManager()) {
      JobProgress progress = progressOf(job, request, sink);
      LayerEventEmitter emitter = request.lens() ? new LayerEventEmitter(job.jobId(), imageStart,
          model.config().vision().gridSize(), tokenizer.vocabulary(), sink, timer) : null;
      BaselineRun.Outcome baseline = BaselineRun.run(model, tokenizer, manager,
          image.pixelValues(), inputIds, request, emitter, timer);
      progress.advance();
      TopK lastTopK = NextTokenTopK.of(baseline.clean().logits(), request.topK());
      JobContext context = new JobContext(job, model, tokenizer, image, inputIds, imageStart,
          baseline.forward(), baseline.clean(), request.topK(), manager, timer, progress);
      for (AnalysisStage stage : request.stages()) {
        long s = System.nanoTime();
        int stepsBefore = progress.done();
        stage.run(context, sink);
        progress.advanceTo(stepsBefore + stage.steps(job, model.numLayers()));
        timer.stop(stage.name(), s);
      }
      timer.stop("total", start);
      sink.emit(new ResultEvent(Schemas.RESULT, Event.VERSION, job.jobId(), modelInfo, inputIds,
          imageStart, lastTopK, baseline.generated(), timer.snapshot(),
          new ResultEvent.Provenance(Version.VALUE, seedOf(job), null)));
    } catch (JobFailedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new JobFailedException(JobFailedException.INTERNAL,
          "model run failed: " + oneLine(e), e);
    }
  }

  /**
   * Reported progress for a job without the lens: its baseline run, then every stage's steps.
   * A lens job's layer events are its progress.
   */
  private JobProgress progressOf(JobEvent job, JobRequest request, EventSink sink) {
    if (request.lens()) {
      return JobProgress.silent();
    }
    int total = 1;
    for (AnalysisStage stage : request.stages()) {
      total += stage.steps(job, model.numLayers());
    }
    return JobProgress.reporting(sink, job.jobId(), total);
  }

  private RgbImage decode(byte[] bytes) throws JobFailedException {
    try {
      return decoder.decode(bytes);
    } catch (ImageRejectedException e) {
      String code = e.reason() == ImageRejectedException.Reason.TOO_LARGE
          ? JobFailedException.IMAGE_TOO_LARGE : JobFailedException.BAD_IMAGE;
      throw new JobFailedException(code, e.getMessage(), e);
    }
  }

  /** A very thin image would resize (shortest edge to 336) into a huge one: refuse it too. */
  private RgbImage checkResizedSize(RgbImage image) throws JobFailedException {
    if (images.config().doResize()) {
      int[] size = images.resizedSize(image.width(), image.height());
      if ((long) size[0] * size[1] > settings.maxImagePixels() || size[0] <= 0 || size[1] <= 0) {
        throw new JobFailedException(JobFailedException.IMAGE_TOO_LARGE, "image is "
            + image.width() + "x" + image.height() + ": resizing it would make " + size[0] + "x"
            + size[1] + " pixels, over the limit of " + settings.maxImagePixels());
      }
    }
    return image;
  }

  private int[] tokenize(String prompt) throws JobFailedException {
    try {
      return tokenizer.encodePrompt(prompt);
    } catch (PromptRejectedException e) {
      String code = e.reason() == PromptRejectedException.Reason.TOO_LONG
          ? JobFailedException.PROMPT_TOO_LONG : JobFailedException.BAD_PROMPT;
      throw new JobFailedException(code, e.getMessage(), e);
    }
  }

  private static Long seedOf(JobEvent job) {
    JobEvent.Analyses a = job.analyses();
    return a == null || a.ablation() == null ? null : a.ablation().seed();
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return m.replaceAll("\\s+", " ").trim();
  }

  @Override
  public void close() {
    tokenizer.close();
    model.close();
  }
}
