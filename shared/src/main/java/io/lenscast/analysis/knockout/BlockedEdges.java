package io.lenscast.analysis.knockout;

/**
 * The attention edges to cut: every query position in {@code queries} gets zero attention on
 * every key position in {@code keys}, in decoder layers {@code [firstLayer, lastLayer]}.
 * Positions are sequence positions (visual block already offset by imageStart), ascending.
 */
public record BlockedEdges(String edgeSet, int[] queries, int[] keys, LayerWindow window) {}
