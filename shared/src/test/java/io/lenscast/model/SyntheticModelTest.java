package io.lenscast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.lenscast.model.config.LlavaConfig;
import io.lenscast.model.lens.LensLayer;
import io.lenscast.model.lens.LensSpec;
import io.lenscast.model.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Synthetic models of a named size run like loaded ones (the bench's models). */
class SyntheticModelTest {
  @Test
  void benchSizeHasTheAgreedShape() {
    LlavaConfig c = SyntheticSizes.config("bench");
    assertEquals(256, c.vision().hiddenSize());
    assertEquals(4, c.vision().numHiddenLayers());
    assertEquals(1024, c.vision().intermediateSize());
    assertEquals(1024, c.text().hiddenSize());
    assertEquals(8, c.text().numHiddenLayers());
    assertEquals(16, c.text().numKeyValueHeads());
    assertEquals(2816, c.text().intermediateSize());
    assertEquals(32064, c.text().vocabSize());
    assertEquals(576, c.imageTokens());
    assertThrows(IllegalArgumentException.class, () -> SyntheticSizes.config("huge"));
  }

  @Test
  void tinySyntheticModelRunsTheLens() {
    Golden.Record rec = Golden.records().get(0);
    try (LlavaModel model = LlavaModel.synthetic(SyntheticSizes.config("tiny"), 3,
        ModelOptions.cpu()); NDManager m = NDManager.newBaseManager()) {
      List<LensLayer> lens = new ArrayList<>();
      ForwardResult r = model.forward(m, rec.pixelValues(), rec.inputIds(),
          RunSpec.plain().withLens(new LensSpec(3, 100, new int[] {5, 594}), lens::add));
      assertEquals(5, lens.size());
      for (float v : r.logits(0)) {
        assertTrue(Float.isFinite(v));
      }
    }
  }
}
