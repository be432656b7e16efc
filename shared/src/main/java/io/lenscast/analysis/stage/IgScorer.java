package io.lenscast.analysis.stage;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.lenscast.analysis.attribution.IntegratedGradients;
import io.lenscast.model.LlavaModel;
import io.lenscast.model.RunSpec;
import io.lenscast.text.LlavaTokenizer;
import io.lenscast.text.PromptRejectedException;
import io.lenscast.text.PromptTemplates;
import io.lenscast.text.PromptTemplates.Task;
import java.util.Arrays;

/**
 * Integrated-gradients importance of each visual token, as the paper's
 * {@code get_high_gradient_indices}: on the polling prompt of the class, the logit of "Yes" at
 * the last position, {@code steps} points from a baseline with the replacement vector at every
 * visual position to the real input embeddings (gradients through the whole decoder with DJL
 * autograd).
 */
public final class IgScorer {
  private final LlavaModel model;
  private final LlavaTokenizer tokenizer;

  public IgScorer(LlavaModel model, LlavaTokenizer tokenizer) {
    this.model = model;
    this.tokenizer = tokenizer;
  }

  /** The scalar IG differentiates and the two ends of its path, for one image and class. */
  record Path(NDArray input, NDArray baseline, int imageStart, int targetId) {}

  /**
   * @param bosTarget the reference's target ({@code encode("Yes")[0]}, the BOS token)
   * @return one importance per visual token (row-major grid), {@code sum_d |attribution|}
   */
  public double[] visualScores(NDManager manager, float[] pixelValues, String className,
      float[] baselineVector, boolean bosTarget, int steps) {
    try (NDManager m = manager.newSubManager()) {
      Path path = path(m, pixelValues, className, baselineVector, bosTarget);
      double[] all = IntegratedGradients.positionScores(m, path.input(), path.baseline(),
          x -> yesLogit(x, path), steps);  // [T]
      int visual = model.config().imageTokens();
      return Arrays.copyOfRange(all, path.imageStart(), path.imageStart() + visual);
    }
  }

  Path path(NDManager m, float[] pixelValues, String className, float[] baselineVector,
      boolean bosTarget) {
    if (className == null || className.isBlank()) {
      throw new IllegalArgumentException("ig_N needs the job's class (--class)");
    }
    int[] ids;
    try {
      ids = tokenizer.encodePrompt(PromptTemplates.forTask(Task.POLLING, className, null));
    } catch (PromptRejectedException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    int start = model.imageStart(ids);
    int visual = model.config().imageTokens();
    NDArray input = model.inputsEmbeds(m, new float[][] {pixelValues}, new int[][] {ids});
    // input: [1, T, D]
    NDArray baseline = input.duplicate();  // [1, T, D]
    int dim = baselineVector.length;
    NDArray rows = m.create(baselineVector, new Shape(1, 1, dim))
        .broadcast(new Shape(1, visual, dim));  // [1, 576, D]
    baseline.set(new NDIndex(":, {}:{}, :", start, start + visual), rows);
    return new Path(input, baseline, start, ClassToken.yes(tokenizer, bosTarget).id());
  }

  /** The "Yes" logit at the last position for input embeddings {@code x} [1, T, D]. */
  NDArray yesLogit(NDArray x, Path path) {
    return model.forwardEmbeds(x.getManager(), x, path.imageStart(), RunSpec.plain()).logits()
        .get(new NDIndex("0, {}", path.targetId()));  // scalar
  }
}
