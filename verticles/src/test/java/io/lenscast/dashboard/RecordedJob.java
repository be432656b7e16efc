package io.lenscast.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.lenscast.events.AblationEvent;
import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.lenscast.events.JobEvent;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.LayerTopK;
import io.lenscast.events.Outcome;
import io.lenscast.events.ResultEvent;
import io.lenscast.events.Schemas;
import io.lenscast.events.StatusEvent;
import io.lenscast.events.TopK;
import io.lenscast.io.Npy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A job's event stream recorded from the fixtures: the logit lens of tiny-llava-a on img0 as
 * transformers computed it (golden top-5 ids and probabilities, tokens from the fixture
 * vocabulary), so the dashboard is driven by real lens output. {@code numLayers} larger than
 * the recording repeats its layers (for 33-layer streams like LLaVA-1.5-7B's).
 */
final class RecordedJob {
  static final Path FIXTURES = Path.of("..", "shared", "fixtures");
  static final Path IMAGE = FIXTURES.resolve("images/img0_shapes_500x375.png");
  private static final int CELLS = 576;
  private static final int K = 5;
  private static String[] vocab;
  private static int[] goldenIds;
  private static float[] goldenProbs;
  private static int goldenLayers;

  final String jobId;
  final int numLayers;
  final JobEvent job;

  RecordedJob(String jobId, int numLayers, String tag, String experiment) {
    load();
    this.jobId = jobId;
    this.numLayers = numLayers;
    this.job = new JobEvent(Schemas.JOB, 1, jobId,
        new JobEvent.ImageRef(Base64.getEncoder().encodeToString(read(IMAGE)), null,
            IMAGE.getFileName().toString()),
        "USER: <image>\nWhat is shown in this image? ASSISTANT:", null, null, null,
        List.of(new JobEvent.ObjectAnnotation("circle", new double[] {62, 70, 141, 139},
            null)),
        new JobEvent.Analyses(new JobEvent.LogitLens(5),
            new JobEvent.Ablation(List.of("none", "object_b1"), 1, 0L, null, null),
            new JobEvent.Knockout(List.of("image->last", "object_b1->last"),
                List.of("early", "late")), null),
        "demo", experiment, tag, System.currentTimeMillis());
  }

  /** The lens of one layer, stamped now (the moment it "leaves the worker"). */
  LayerEvent layer(int layer) {
    int g = layer % goldenLayers;
    int rows = CELLS + 1;
    int[][] ids = new int[rows][K];
    String[][] tokens = new String[rows][K];
    float[][] probs = new float[rows][K];
    int[] positions = new int[rows];
    for (int r = 0; r < rows; r++) {
      positions[r] = r < CELLS ? 5 + r : 594;
      for (int k = 0; k < K; k++) {
        int i = (g * rows + r) * K + k;
        ids[r][k] = goldenIds[i];
        tokens[r][k] = vocab[goldenIds[i]];
        probs[r][k] = goldenProbs[i];
      }
    }
    return LayerEvent.of(jobId, layer, numLayers, 5, new int[] {24, 24}, positions,
        new LayerTopK(ids, tokens, probs));
  }

  /** Expected {@code data-top1} of every patch at a layer. */
  List<String> top1(int layer) {
    int g = layer % goldenLayers;
    List<String> out = new ArrayList<>(CELLS);
    for (int c = 0; c < CELLS; c++) {
      out.add(vocab[goldenIds[(g * (CELLS + 1) + c) * K]]);
    }
    return out;
  }

  /** Top-k tokens of one cell at a layer. */
  List<String> topk(int layer, int cell) {
    int g = layer % goldenLayers;
    List<String> out = new ArrayList<>();
    for (int k = 0; k < K; k++) {
      out.add(vocab[goldenIds[(g * (CELLS + 1) + cell) * K + k]]);
    }
    return out;
  }

  StatusEvent status(String state, int done) {
    return StatusEvent.of(jobId, state, new StatusEvent.Progress(done, numLayers), null, "test");
  }

  StatusEvent failed(String code, String message) {
    return StatusEvent.of(jobId, StatusEvent.FAILED, null, new StatusEvent.Error(code, message),
        "test");
  }

  /** Everything after the layers: ablations, knockouts, result, completed. */
  List<Event> tail() {
    Outcome base = outcome("▁circle", 0.62, 0.62);
    return List.of(
        new AblationEvent(Schemas.ABLATION, 1, jobId, "none", "describe", new int[0], null,
            "mean", null, 0L, base, base),
        new AblationEvent(Schemas.ABLATION, 1, jobId, "object_b1", "describe",
            new int[] {5 + 170, 5 + 171, 5 + 194, 5 + 195}, null, "mean", null, 0L, base,
            outcome("▁square", 0.41, 0.12)),
        new KnockoutEvent(Schemas.KNOCKOUT, 1, jobId, "image->last", new int[] {0, 1}, "early",
            "describe", 1, 576, base, outcome("▁the", 0.30, 0.05)),
        new KnockoutEvent(Schemas.KNOCKOUT, 1, jobId, "image->last", new int[] {2, 3}, "late",
            "describe", 1, 576, base, outcome("▁circle", 0.55, 0.55)),
        new KnockoutEvent(Schemas.KNOCKOUT, 1, jobId, "object_b1->last", new int[] {0, 1},
            "early", "describe", 1, 16, base, outcome("▁circle", 0.60, 0.60)),
        new ResultEvent(Schemas.RESULT, 1, jobId,
            new ResultEvent.ModelInfo("tiny-llava-a", null, null, "float32", "cpu"),
            new int[] {1, 3148}, 5, new TopK(new int[] {1, 2}, new float[] {0.6f, 0.2f}),
            null, Map.of("model", 12.0), new ResultEvent.Provenance("test", 0L, "test")),
        status(StatusEvent.COMPLETED, numLayers));
  }

  private static Outcome outcome(String answer, double prob, double correctProb) {
    return new Outcome(answer, 1, null, null, prob, correctProb,
        new TopK(new int[] {1}, new float[] {(float) prob}));
  }

  private static synchronized void load() {
    if (vocab != null) {
      return;
    }
    try {
      JsonNode tok = EventCodec.mapper().readTree(
          FIXTURES.resolve("tokenizer/tokenizer.json").toFile());
      String[] v = new String[32064];
      tok.path("model").path("vocab").properties()
          .forEach(e -> v[e.getValue().asInt()] = e.getKey());
      tok.path("added_tokens").forEach(a -> v[a.path("id").asInt()] = a.path("content").asText());
      for (int i = 0; i < v.length; i++) {
        if (v[i] == null) {
          v[i] = "<extra_" + i + ">";
        }
      }
      Npy.Array ids = Npy.read(FIXTURES.resolve("golden/tiny-llava-a__img0__p0__lens_top5_ids.npy"));
      goldenIds = ids.toInts();
      goldenProbs = Npy.read(FIXTURES.resolve("golden/tiny-llava-a__img0__p0__lens_top5_probs.npy"))
          .toFloats();
      goldenLayers = (int) ids.shape()[0];
      vocab = v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
