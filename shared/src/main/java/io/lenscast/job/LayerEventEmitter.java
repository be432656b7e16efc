package io.lenscast.job;

import io.lenscast.events.EventSink;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.LayerTopK;
import io.lenscast.model.lens.LensLayer;
import io.lenscast.model.lens.LensListener;
import io.lenscast.text.Vocabulary;

/**
 * Turns each lens layer, the moment the model computes it, into a {@code lenscast.layer} event
 * (top-k ids, their vocabulary pieces and probabilities per position) and hands it to the sink,
 * so consumers see layer 0 while later layers are still running. Also records the lens's share
 * of the time: from the residual of a layer arriving to its lens result.
 */
final class LayerEventEmitter implements LensListener {
  private final String jobId;
  private final int imageStart;
  private final int[] grid;
  private final Vocabulary vocabulary;
  private final EventSink sink;
  private final StageTimer timer;
  private long residualAt;
  private long lastLayerAt;
  private int emitted;

  LayerEventEmitter(String jobId, int imageStart, int gridSize, Vocabulary vocabulary,
      EventSink sink, StageTimer timer) {
    this.jobId = jobId;
    this.imageStart = imageStart;
    this.grid = new int[] {gridSize, gridSize};
    this.vocabulary = vocabulary;
    this.sink = sink;
    this.timer = timer;
  }

  /** Called by the residual listener just before the engine runs the lens on that layer. */
  void residualArrived() {
    residualAt = System.nanoTime();
  }

  @Override
  public void onLayer(LensLayer layer) {
    lastLayerAt = timer.stop("lens", residualAt);
    int[][] ids = layer.ids();
    String[][] tokens = new String[ids.length][];
    for (int p = 0; p < ids.length; p++) {
      tokens[p] = new String[ids[p].length];
      for (int j = 0; j < ids[p].length; j++) {
        tokens[p][j] = vocabulary.piece(ids[p][j]);
      }
    }
    sink.emit(LayerEvent.of(jobId, layer.layer(), layer.numLayers(), imageStart, grid,
        layer.positions(), new LayerTopK(ids, tokens, layer.probs())));
    emitted++;
  }

  int emitted() {
    return emitted;
  }

  /** System.nanoTime() when the last lens layer was done (0 if none). */
  long lastLayerAt() {
    return lastLayerAt;
  }
}
