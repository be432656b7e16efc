package io.lenscast.model;

import io.lenscast.model.hooks.AttentionBlock;
import io.lenscast.model.hooks.EmbeddingOverwrite;
import io.lenscast.model.hooks.HookListener;
import io.lenscast.model.hooks.HookPoint;
import io.lenscast.model.lens.LensListener;
import io.lenscast.model.lens.LensSpec;
import io.lenscast.model.lens.ResidualListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One run's requests besides its inputs: hooks to capture, interventions (embedding overwrites,
 * attention blocks), the streamed logit lens, a raw residual listener and a listener told of
 * every hook point passed. Immutable; build with {@link #plain()} and the {@code with...}
 * methods. Nothing survives between runs.
 */
public record RunSpec(
    Set<HookPoint> captures,
    List<EmbeddingOverwrite> overwrites,
    List<AttentionBlock> blocks,
    LensSpec lens,
    LensListener lensListener,
    ResidualListener residualListener,
    HookListener hookListener) {

  public RunSpec {
    captures = Set.copyOf(captures);
    overwrites = List.copyOf(overwrites);
    blocks = List.copyOf(blocks);
    if ((lens == null) != (lensListener == null)) {
      throw new IllegalArgumentException("a lens needs both a LensSpec and a LensListener");
    }
  }

  /** Nothing captured, no interventions, no lens. */
  public static RunSpec plain() {
    return new RunSpec(Set.of(), List.of(), List.of(), null, null, null, null);
  }

  public RunSpec withCapture(HookPoint... hooks) {
    Set<HookPoint> all = new HashSet<>(captures);
    all.addAll(List.of(hooks));
    return new RunSpec(all, overwrites, blocks, lens, lensListener, residualListener,
        hookListener);
  }

  public RunSpec withOverwrite(EmbeddingOverwrite overwrite) {
    List<EmbeddingOverwrite> all = new ArrayList<>(overwrites);
    all.add(overwrite);
    return new RunSpec(captures, all, blocks, lens, lensListener, residualListener,
        hookListener);
  }

  public RunSpec withBlock(AttentionBlock block) {
    List<AttentionBlock> all = new ArrayList<>(blocks);
    all.add(block);
    return new RunSpec(captures, overwrites, all, lens, lensListener, residualListener,
        hookListener);
  }

  public RunSpec withLens(LensSpec spec, LensListener listener) {
    return new RunSpec(captures, overwrites, blocks, spec, listener, residualListener,
        hookListener);
  }

  public RunSpec withResidualListener(ResidualListener listener) {
    return new RunSpec(captures, overwrites, blocks, lens, lensListener, listener,
        hookListener);
  }

  public RunSpec withHookListener(HookListener listener) {
    return new RunSpec(captures, overwrites, blocks, lens, lensListener, residualListener,
        listener);
  }
}
