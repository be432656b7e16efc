package io.lenscast.job;

import ai.djl.ndarray.NDManager;
import io.lenscast.events.ResultEvent.Generated;
import io.lenscast.model.ForwardResult;
import io.lenscast.model.GenerationResult;
import io.lenscast.model.LlavaModel;
import io.lenscast.model.RunSpec;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.model.lens.LensSpec;
import io.lenscast.text.LlavaTokenizer;

/**
 * A job's one un-intervened run: the forward, with the logit lens streaming layer events when
 * the job wants the lens, plus greedy generation when the job asks for it or its stages compare
 * against the task's generated answer. It is also the job's {@link CleanRun}: no stage reruns
 * it. Split into timed stages: {@code vision} (the vision tower up to the projector's input, plus
 * the merge with the text embeddings up to the first residual), {@code projector} (the
 * multi-modal projector alone, timed between its hook points), {@code lens}
 * (norm, unembedding, top-k of every layer; absent without the lens), {@code decoder} (the
 * decoder layers and final logits, lens excluded) and {@code generate} (the new tokens after
 * the prefill).
 */
final class BaselineRun {
  /**
   * The prefill's forward (last-position logits, captures), the generated tokens when the job
   * asked to see them (else null), and the clean answer the stages compare with.
   */
  record Outcome(ForwardResult forward, Generated generated, CleanRun clean) {}

  private BaselineRun() {}

  /** @param emitter the lens's layer events, or null for a run without the lens */
  static Outcome run(LlavaModel model, LlavaTokenizer tokenizer, NDManager manager,
      float[] pixelValues, int[] inputIds, JobRequest request, LayerEventEmitter emitter,
      StageTimer timer) {
    long start = System.nanoTime();
    long[] marks = {start, start, start};  // first residual, latest residual, last hook
    RunSpec spec = RunSpec.plain().withHookListener(hook -> {
      if (hook.equals(HookPoint.PROJECTOR_IN)) {
        marks[2] = timer.stop("vision", start);
      } else if (hook.equals(HookPoint.PROJECTOR_OUT)) {
        marks[2] = timer.stop("projector", marks[2]);
      }
    }).withResidualListener((layer, residual) -> {
      long now = System.nanoTime();
      if (layer == 0) {
        marks[0] = timer.stop("vision", marks[2]);
      }
      marks[1] = now;
      if (emitter != null) {
        emitter.residualArrived();
      }
    });
    if (emitter != null) {
      spec = spec.withLens(LensSpec.visualAndLast(request.topK()), emitter);
    }
    for (AnalysisStage stage : request.stages()) {
      spec = spec.withCapture(stage.captures().toArray(new HookPoint[0]));
    }
    int tokens = request.runTokens();
    if (tokens == 0) {
      ForwardResult forward = model.forward(manager, pixelValues, inputIds, spec);
      timer.add("decoder", (System.nanoTime() - marks[0]) / 1e6 - timer.get("lens"));
      return new Outcome(forward, null, new CleanRun(forward.logits(0), null, 0));
    }
    GenerationResult g = model.generate(manager, pixelValues, inputIds, spec, tokens);
    long prefillEnd = Math.max(marks[1], emitter == null ? 0 : emitter.lastLayerAt());
    timer.stop("generate", prefillEnd);
    timer.add("decoder", (prefillEnd - marks[0]) / 1e6 - timer.get("lens"));
    int[] ids = g.tokens(0);
    Generated shown = request.newTokens() == 0 ? null
        : new Generated(ids, tokenizer.decode(ids));
    return new Outcome(g.prefill(), shown, new CleanRun(g.prefill().logits(0), ids, tokens));
  }
}
