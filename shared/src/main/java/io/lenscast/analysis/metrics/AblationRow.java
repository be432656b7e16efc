package io.lenscast.analysis.metrics;

/**
 * The paper's ablation metric for one condition x task x scoring: of the {@code
 * baselineCorrect} items the model got right without ablation, {@code becameIncorrect} are
 * wrong after it; {@code share} = their ratio with its 95% Wilson interval. {@code items}
 * counts every scored item (baseline-incorrect ones included), so the denominator is explicit
 * (the reference's printed VQA accuracy divided by all items, PAPER.md bug 3).
 */
public record AblationRow(
    String condition, String task, String scoring, int items, int baselineCorrect,
    int becameIncorrect, double share, WilsonInterval interval) {}
