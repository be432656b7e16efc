package io.lenscast.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Baseline and ablated outcome of one ablation condition on one job. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AblationEvent(
    String schema,
    int version,
    String jobId,
    String condition,
    String task,
    int[] positions,
    int[] cells,
    String replacement,
    String meanVectorSha256,
    Long seed,
    Outcome baseline,
    Outcome ablated) implements Event {}
