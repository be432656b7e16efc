package io.lenscast.analysis.stage;

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
