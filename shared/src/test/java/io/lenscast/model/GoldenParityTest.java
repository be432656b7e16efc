package io.lenscast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.lenscast.model.hooks.AttentionBlock;
import io.lenscast.model.hooks.EmbeddingOverwrite;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.model.lens.LensLayer;
import io.lenscast.model.lens.LensSpec;
import io.lenscast.model.testing.Compare;
import io.lenscast.model.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine computes what transformers 4.40 computes for the tiny LLaVA fixture, for all six
 * golden records: vision states, projector output, every decoder hidden state, logits, the lens
 * top-5 at all 577 positions of every layer, greedy generation, mean ablation and knockout.
 */
class GoldenParityTest {
  private static final double REL = 1e-4;
  private static final double LOGITS_ABS = 1e-3;
  private static LlavaModel model;

  @BeforeAll
  static void load() throws Exception {
    model = LlavaModel.load(Golden.TINY_MODEL, ModelOptions.cpu());
  }

  @AfterAll
  static void close() {
    model.close();
  }

  static List<Golden.Record> records() {
    return Golden.records();
  }

  private static float[] floats(NDArray a) {
    return a.toFloatArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void forwardHiddenStatesLogitsLensAndGenerationMatchTransformers(Golden.Record rec) {
    int layers = model.numLayers();
    List<HookPoint> hooks = new ArrayList<>(List.of(HookPoint.VISION_EMBEDS,
        HookPoint.PROJECTOR_OUT, HookPoint.INPUTS_EMBEDS, HookPoint.FINAL_NORM));
    for (int l = 0; l < model.config().vision().numHiddenLayers(); l++) {
      hooks.add(HookPoint.visionResidPost(l));
    }
    for (int l = 0; l < layers; l++) {
      hooks.add(HookPoint.residPost(l));
    }
    List<LensLayer> lens = new ArrayList<>();
    RunSpec spec = RunSpec.plain().withCapture(hooks.toArray(HookPoint[]::new))
        .withLens(LensSpec.visualAndLast(5), lens::add);
    try (NDManager m = NDManager.newBaseManager()) {
      GenerationResult gen = model.generate(m, rec.pixelValues(), rec.inputIds(), spec, 8);
      ForwardResult r = gen.prefill();
      assertEquals(5, r.imageStart());
      assertEquals(rec.node().get("expanded_sequence").get("total_length").asInt(), r.seqLen());

      int dv = model.config().vision().hiddenSize();
      int d = model.config().text().hiddenSize();
      float[] selected = floats(r.capture(HookPoint.visionResidPost(0))
          .get(new NDIndex("0, 1:, :"))); // [576, Dv]
      if (rec.has("vision_hidden_states_all")) {
        float[] all = rec.array("vision_hidden_states_all").toFloats();
        int n = 577 * dv;
        Compare.relativeToAbsMax("vision hidden 0", slice(all, 0, n),
            floats(r.capture(HookPoint.VISION_EMBEDS)), REL);
        Compare.relativeToAbsMax("vision hidden 1", slice(all, n, n),
            floats(r.capture(HookPoint.visionResidPost(0))), REL);
        Compare.relativeToAbsMax("vision hidden 2", slice(all, 2 * n, n),
            floats(r.capture(HookPoint.visionResidPost(1))), REL);
        Compare.relativeToAbsMax("vision selected",
            rec.array("vision_selected_features").toFloats(), selected, REL);
        Compare.relativeToAbsMax("projector out", rec.array("projector_output").toFloats(),
            floats(r.capture(HookPoint.PROJECTOR_OUT)), REL);
      } else {
        Compare.relativeToAbsMax("vision selected norms",
            rec.array("vision_selected_norms").toFloats(), Compare.rowNorms(selected, dv), REL);
        float[] proj = floats(r.capture(HookPoint.PROJECTOR_OUT));
        Compare.relativeToAbsMax("projector norms", rec.array("projector_output_norms").toFloats(),
            Compare.rowNorms(proj, d), REL);
        Compare.relativeToAbsMax("projector rows 0,1,575",
            rec.array("projector_output_rows_0_1_575").toFloats(),
            Compare.rows(proj, d, 0, 1, 575), REL);
      }

      List<float[]> hidden = new ArrayList<>();
      hidden.add(floats(r.capture(HookPoint.INPUTS_EMBEDS)));
      for (int l = 0; l < layers - 1; l++) {
        hidden.add(floats(r.capture(HookPoint.residPost(l))));
      }
      hidden.add(floats(r.capture(HookPoint.FINAL_NORM)));
      int t = r.seqLen();
      if (rec.has("lm_hidden_states")) {
        float[] all = rec.array("lm_hidden_states").toFloats();
        for (int l = 0; l <= layers; l++) {
          Compare.relativeToAbsMax("lm hidden " + l, slice(all, l * t * d, t * d),
              hidden.get(l), REL);
        }
      } else {
        float[] norms = rec.array("lm_hidden_state_norms").toFloats();
        float[] last = rec.array("lm_hidden_states_last_position").toFloats();
        for (int l = 0; l <= layers; l++) {
          Compare.relativeToAbsMax("lm hidden norms " + l, slice(norms, l * t, t),
              Compare.rowNorms(hidden.get(l), d), REL);
          Compare.relativeToAbsMax("lm hidden last " + l, slice(last, l * d, d),
              Compare.rows(hidden.get(l), d, t - 1), REL);
        }
      }

      Compare.absolute("logits", rec.array("logits_last").toFloats(), r.logits(0), LOGITS_ABS);
      assertLensMatches(rec, lens, layers);
      assertArrayEquals(rec.intList("generate_new_tokens"), gen.tokens(0), "greedy tokens");
    }
  }

  private static void assertLensMatches(Golden.Record rec, List<LensLayer> lens, int layers) {
    assertEquals(layers + 1, lens.size(), "one lens event per layer");
    int[] ids = rec.array("lens_top5_ids").toInts();
    float[] probs = rec.array("lens_top5_probs").toFloats();
    int rows = 577;
    int ties = 0;
    double worstRel = 0;
    for (int l = 0; l <= layers; l++) {
      LensLayer got = lens.get(l);
      assertEquals(l, got.layer(), "lens layers arrive in order");
      assertEquals(rows, got.positions().length);
      for (int p = 0; p < rows; p++) {
        for (int j = 0; j < 5; j++) {
          int at = (l * rows + p) * 5 + j;
          float gp = probs[at];
          float op = got.probs()[p][j];
          worstRel = Math.max(worstRel, Math.abs(gp - op) / gp);
          assertTrue(Math.abs(gp - op) <= 1e-4 && Math.abs(gp - op) <= 1e-3 * gp,
              "lens prob layer " + l + " row " + p + " rank " + j + ": " + gp + " vs " + op);
          if (ids[at] != got.ids()[p][j]) {
            assertTrue(Math.abs(gp - op) <= 1e-3 * gp, "lens id layer " + l + " row " + p
                + " rank " + j + ": " + ids[at] + " vs " + got.ids()[p][j]
                + " and not a tie (" + gp + " vs " + op + ")");
            ties++;
          }
        }
      }
    }
    System.out.printf("%s lens: %d near-tie swaps, worst relative prob diff %.3g%n", rec, ties,
        worstRel);
    assertTrue(ties <= 10, "near-tie swaps in the lens top-5: " + ties);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void meanAblationOfProjectorRowsMatchesTransformers(Golden.Record rec) {
    int[] rows = Golden.ints(Golden.manifest().get("ablation_grid_indices"));
    float[] mean = rec.array("ablation_mean_vector").toFloats();
    RunSpec spec = RunSpec.plain().withOverwrite(EmbeddingOverwrite.imageRows(5, rows, mean));
    try (NDManager m = NDManager.newBaseManager()) {
      ForwardResult r = model.forward(m, rec.pixelValues(), rec.inputIds(), spec);
      Compare.absolute("ablation logits", rec.array("ablation_logits_last").toFloats(),
          r.logits(0), LOGITS_ABS);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void knockoutOfLastToImageInLayersOneTwoMatchesTransformers(Golden.Record rec) {
    int t = model.sequenceLength(rec.inputIds());
    int[] image = IntStream.range(5, 581).toArray();
    RunSpec spec = RunSpec.plain().withBlock(new AttentionBlock(new int[] {t - 1}, image, 1, 2));
    try (NDManager m = NDManager.newBaseManager()) {
      ForwardResult r = model.forward(m, rec.pixelValues(), rec.inputIds(), spec);
      Compare.absolute("knockout logits", rec.array("knockout_logits_last").toFloats(),
          r.logits(0), LOGITS_ABS);
    }
  }

  private static float[] slice(float[] a, int from, int n) {
    float[] out = new float[n];
    System.arraycopy(a, from, out, 0, n);
    return out;
  }
}
