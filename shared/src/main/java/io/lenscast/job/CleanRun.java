package io.lenscast.job;

/**
 * The job's answer to its task without any intervention, taken from its one baseline run: the
 * next-token logits at the last prompt position [V] and, when the task generates, the greedy
 * tokens. Analysis stages compare every intervened run with it instead of rerunning it; an
 * intervened run generates {@code newTokens} tokens too, so the two are alike.
 *
 * @param generated null when {@code newTokens} is 0 (answered from one forward)
 */
public record CleanRun(float[] logits, int[] generated, int newTokens) {}
