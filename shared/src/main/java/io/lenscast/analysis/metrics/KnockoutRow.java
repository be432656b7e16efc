package io.lenscast.analysis.metrics;

/**
 * Knockout metric for one edge set x window x scoring: of the {@code baselineCorrect} items,
 * {@code knockedCorrect} stay correct; {@code relativeAccuracy} is their ratio (1.0 = no
 * effect) with its 95% Wilson interval, and {@code meanProbChange} the mean change of the
 * probability of the correct token over those items (null when no item carried it).
 */
public record KnockoutRow(
    String edgeSet, String window, int firstLayer, int lastLayer, String scoring, int items,
    int baselineCorrect, int knockedCorrect, double relativeAccuracy, WilsonInterval interval,
    Double meanProbChange) {}
