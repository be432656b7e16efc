package io.lenscast.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the model answered under one condition. {@code answerId} is the argmax next token (an
 * integer) or, for generative tasks, the generated ids (an integer array). {@code correct} is
 * null when the job names no class; {@code correctReference} is the reference code's scoring
 * (kept beside the corrected one, see PAPER.md).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Outcome(
    String answer,
    Object answerId,
    Boolean correct,
    Boolean correctReference,
    double prob,
    Double correctProb,
    TopK topk) {}
