package io.lenscast.analysis.ablation;

import io.lenscast.analysis.geometry.GridCells;

/**
 * A condition turned into concrete cells and sequence positions for one image; {@code seed} is
 * set only for random conditions (it goes into the event).
 */
public record ResolvedAblation(String condition, GridCells cells, int[] positions, Long seed) {}
