package io.lenscast.worker;

import io.lenscast.events.EventSink;
import io.lenscast.events.JobEvent;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.LayerTopK;
import io.lenscast.events.ResultEvent;
import io.lenscast.events.Schemas;
import io.lenscast.events.TopK;
import io.lenscast.job.JobProcessor;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in processor for tests of worker mechanics only (pausing, DLQ, acks): emits a fixed
 * number of layer events and a result, optionally holding after the first layer until released.
 */
final class FakeProcessor implements JobProcessor {
  final int layers;
  volatile CountDownLatch hold;

  FakeProcessor(int layers) {
    this.layers = layers;
  }

  @Override
  public void process(JobEvent job, byte[] imageBytes, EventSink sink) {
    for (int l = 0; l < layers; l++) {
      sink.emit(LayerEvent.of(job.jobId(), l, layers, 1, new int[] {2, 2},
          new int[] {1, 2, 3, 4, 5}, topk()));
      CountDownLatch h = hold;
      if (l == 0 && h != null) {
        try {
          h.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    sink.emit(new ResultEvent(Schemas.RESULT, 1, job.jobId(),
        new ResultEvent.ModelInfo("fake", "r1", null, "float32", "cpu"), new int[] {1},
        1, new TopK(new int[] {1}, new float[] {1f}), null, Map.of("model", 1.0),
        new ResultEvent.Provenance("test", 0L, null)));
  }

  private static LayerTopK topk() {
    int[][] ids = new int[5][1];
    String[][] tokens = new String[5][1];
    float[][] probs = new float[5][1];
    for (int i = 0; i < 5; i++) {
      ids[i][0] = i;
      tokens[i][0] = "t" + i;
      probs[i][0] = 0.5f;
    }
    return new LayerTopK(ids, tokens, probs);
  }

  @Override
  public void close() {}
}
