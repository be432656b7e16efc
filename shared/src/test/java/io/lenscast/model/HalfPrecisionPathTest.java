package io.lenscast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import io.lenscast.model.lens.LensLayer;
import io.lenscast.model.lens.LensSpec;
import io.lenscast.model.testing.Compare;
import io.lenscast.model.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The float16 compute path (what CUDA runs) stays within half-precision error of the float32
 * goldens; run on CPU here so it is checked on machines without a GPU.
 */
class HalfPrecisionPathTest {
  @Test
  void float16ComputeMatchesGoldenLogitsWithinHalfPrecision() throws Exception {
    Golden.Record rec = Golden.records().get(0);
    try (LlavaModel model = LlavaModel.load(Golden.TINY_MODEL, new ModelOptions("cpu",
        "float16")); NDManager m = NDManager.newBaseManager()) {
      assertEquals("float16", model.dtype());
      List<LensLayer> lens = new ArrayList<>();
      int last = model.sequenceLength(rec.inputIds()) - 1;
      ForwardResult r = model.forward(m, rec.pixelValues(), rec.inputIds(), RunSpec.plain()
          .withLens(new LensSpec(5, 64, new int[] {last}), lens::add));
      float[] golden = rec.array("logits_last").toFloats();
      Compare.absolute("float16 logits", golden, r.logits(0), 0.05);
      assertEquals(model.numLayers() + 1, lens.size());
      float[] goldenProbs = rec.array("lens_top5_probs").toFloats();
      int finalRow = (model.numLayers() * 577 + 576) * 5;
      Compare.absolute("float16 final lens top-1 prob",
          new float[] {goldenProbs[finalRow]}, new float[] {lens.get(model.numLayers()).probs()[0][0]},
          goldenProbs[finalRow] * 0.05);
    }
  }
}
