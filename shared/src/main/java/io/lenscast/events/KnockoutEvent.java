package io.lenscast.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Baseline and knocked-out outcome of one edge set in one window of decoder layers
 * ({@code layers} = [first, last], 0-based, inclusive).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KnockoutEvent(
    String schema,
    int version,
    String jobId,
    String edgeSet,
    int[] layers,
    String window,
    String task,
    int blockedQueries,
    int blockedKeys,
    Outcome baseline,
    Outcome knocked) implements Event {}
