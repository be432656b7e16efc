package io.lenscast.analysis.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.lenscast.analysis.attribution.IntegratedGradients;
import io.lenscast.image.ClipImageProcessor;
import io.lenscast.image.ImageDecoder;
import io.lenscast.io.Npy;
import io.lenscast.model.LlavaModel;
import io.lenscast.model.ModelOptions;
import io.lenscast.model.testing.FreedBufferPoison;
import io.lenscast.text.LlavaTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine-backed analyses on the tiny fixture checkpoint: IG, class tokens, mean vectors. */
class TinyModelAnalysisTest {
  private static final Path MODEL = Path.of("fixtures/tiny-llava-a");
  private static final Path IMG0 = Path.of("fixtures/images/img0_shapes_500x375.png");
  private static LlavaModel model;
  private static LlavaTokenizer tokenizer;

  @BeforeAll
  static void load() throws IOException {
    model = LlavaModel.load(MODEL, ModelOptions.cpu());
    tokenizer = LlavaTokenizer.load(MODEL, 32000, 2048);
  }

  @AfterAll
  static void close() {
    tokenizer.close();
    model.close();
  }

  @Test
  void yesTargetIsTheWordNotTheBosTokenUnlessTheReferenceVariantIsAsked() {
    ClassToken yes = ClassToken.yes(tokenizer, false);
    assertEquals("▁Yes", yes.piece());
    assertEquals(1, ClassToken.yes(tokenizer, true).id());
    assertEquals("▁cat", ClassToken.of(tokenizer, "Cat").piece());
  }

  @Test
  void integratedGradientsMatchFiniteDifferencesAlongThePath() throws Exception {
    float[] pixels = pixels(IMG0);
    float[] baselineVector = Npy.read(Path.of(
        "fixtures/golden/tiny-llava-a__img0__p0__ablation_mean_vector.npy")).toFloats();
    IgScorer scorer = new IgScorer(model, tokenizer);
    int steps = 5;
    try (NDManager m = NDManager.newBaseManager()) {
      IgScorer.Path path = scorer.path(m, pixels, "cat", baselineVector, false);
      NDArray attribution = IntegratedGradients.attribution(m, path.input(), path.baseline(),
          x -> scorer.yesLogit(x, path), steps);
      double ig = attribution.sum().getFloat();
      // same Riemann points, directional derivative along d = input - baseline by central
      // differences instead of autograd
      NDArray d = path.input().sub(path.baseline());
      double h = 0.01;
      double fd = 0;
      for (int i = 0; i < steps; i++) {
        double alpha = (double) i / (steps - 1);
        double up = scorer.yesLogit(path.baseline().add(d.mul((float) (alpha + h))), path)
            .getFloat();
        double down = scorer.yesLogit(path.baseline().add(d.mul((float) (alpha - h))), path)
            .getFloat();
        fd += (up - down) / (2 * h);
      }
      fd /= steps;
      assertTrue(Math.abs(ig) > 1e-3, "degenerate IG " + ig);
      assertEquals(fd, ig, 2e-3 * Math.max(1, Math.abs(fd)), "IG " + ig + " vs FD " + fd);
      double[] scores = scorer.visualScores(m, pixels, "cat", baselineVector, false, 2);
      assertEquals(576, scores.length);
      assertTrue(java.util.Arrays.stream(scores).allMatch(s -> s >= 0));
      assertTrue(java.util.Arrays.stream(scores).sum() > 0);
    }
  }

  @Test
  void integratedGradientsStayFiniteAndRepeatableWhenFreedJavaMemoryIsReusedBeforeBackward()
      throws Exception {
    float[] pixels = pixels(IMG0);
    float[] baselineVector = Npy.read(Path.of(
        "fixtures/golden/tiny-llava-a__img0__p0__ablation_mean_vector.npy")).toFloats();
    IgScorer scorer = new IgScorer(model, tokenizer);
    try (NDManager m = NDManager.newBaseManager()) {
      IgScorer.Path path = scorer.path(m, pixels, "cat", baselineVector, false);
      float[] quiet = IntegratedGradients.attribution(m, path.input(), path.baseline(),
          x -> scorer.yesLogit(x, path), 3).toFloatArray();
      for (int round = 0; round < 3; round++) {
        float[] stressed = IntegratedGradients.attribution(m, path.input(), path.baseline(),
            x -> {
              NDArray y = scorer.yesLogit(x, path);
              FreedBufferPoison.collectAndPoison();
              return y;
            }, 3).toFloatArray();
        for (int i = 0; i < stressed.length; i++) {
          assertTrue(Float.isFinite(stressed[i]), "round " + round + " element " + i + ": "
              + stressed[i]);
        }
        assertArrayEquals(quiet, stressed, "round " + round);
      }
    }
  }

  @Test
  void integratedGradientsNeedAClass() {
    IgScorer scorer = new IgScorer(model, tokenizer);
    try (NDManager m = NDManager.newBaseManager()) {
      assertThrows(IllegalArgumentException.class,
          () -> scorer.visualScores(m, new float[3 * 336 * 336], null, new float[64], false, 2));
    }
  }

  @Test
  void meanVectorOfOneImageIsTheMeanOfItsProjectorRows(@TempDir Path dir) throws Exception {
    MeanVectorBuilder builder = new MeanVectorBuilder(model,
        MeanVectorBuilder.preprocessing(MODEL), 40_000_000L);
    builder.add(IMG0);
    float[] golden = Npy.read(Path.of(
        "fixtures/golden/tiny-llava-a__img0__p0__ablation_mean_vector.npy")).toFloats();
    float[] mean = builder.accumulator().write(dir.resolve("m.npy")).values();
    double maxAbs = 0;
    for (float g : golden) {
      maxAbs = Math.max(maxAbs, Math.abs(g));
    }
    for (int k = 0; k < golden.length; k++) {
      assertEquals(golden[k], mean[k], 1e-4 * maxAbs, "dim " + k);
    }
    Path notImage = dir.resolve("x.png");
    Files.writeString(notImage, "not a png");
    assertThrows(IOException.class, () -> builder.add(notImage));
    assertEquals(1, builder.accumulator().images());
  }

  private static float[] pixels(Path image) throws Exception {
    return new ClipImageProcessor(MeanVectorBuilder.preprocessing(MODEL))
        .process(new ImageDecoder(40_000_000L).decode(Files.readAllBytes(image))).pixelValues();
  }
}
