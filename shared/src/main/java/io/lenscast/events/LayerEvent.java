package io.lenscast.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The logit lens of one layer: layer 0 is the embedding output, layer i+1 the output of decoder
 * layer i. {@code positions} are the visual block followed by the last position.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayerEvent(
    String schema,
    int version,
    String jobId,
    int layer,
    int numLayers,
    int imageStart,
    int[] grid,
    int[] positions,
    LayerTopK topk,
    Long emittedAtMs) implements Event {

  public static LayerEvent of(
      String jobId, int layer, int numLayers, int imageStart, int[] grid, int[] positions,
      LayerTopK topk) {
    return new LayerEvent(Schemas.LAYER, VERSION, jobId, layer, numLayers, imageStart, grid,
        positions, topk, System.currentTimeMillis());
  }
}
