package io.lenscast.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The last event of a job: model identity, inputs, final next-token top-k, timings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultEvent(
    String schema,
    int version,
    String jobId,
    ModelInfo model,
    int[] inputIds,
    int imageStart,
    TopK lastTopK,
    Generated generated,
    Map<String, Double> timings,
    Provenance provenance) implements Event {

  /** Which checkpoint ran where: name, revision or config sha256, dtype, device. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ModelInfo(
      String name, String revision, String configSha256, String dtype, String device) {}

  public record Generated(int[] ids, String text) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Provenance(String lenscastVersion, Long seed, String worker) {}
}
