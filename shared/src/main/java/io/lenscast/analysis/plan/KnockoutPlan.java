package io.lenscast.analysis.plan;

import io.lenscast.analysis.knockout.EdgeSet;
import io.lenscast.analysis.knockout.LayerWindow;
import io.lenscast.analysis.knockout.LayerWindows;
import io.lenscast.events.JobEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's knockout request, validated against the model's depth before any model work: every
 * edge set is run in every window; no window given means the six named ones.
 */
public record KnockoutPlan(List<EdgeSet> edgeSets, List<LayerWindow> windows) {

  /**
   * @throws IllegalArgumentException with a one-line reason for a malformed request
   */
  public static KnockoutPlan of(JobEvent.Knockout k, int numLayers) {
    if (k.edgeSets() == null || k.edgeSets().isEmpty()) {
      throw new IllegalArgumentException("knockout needs at least one edge set");
    }
    List<EdgeSet> sets = new ArrayList<>();
    for (String s : k.edgeSets()) {
      sets.add(EdgeSet.parse(s));
    }
    List<LayerWindow> windows = new ArrayList<>();
    if (k.windows() == null || k.windows().isEmpty()) {
      windows.addAll(LayerWindows.named(numLayers));
    } else {
      for (String w : k.windows()) {
        windows.add(LayerWindows.resolve(w, numLayers));
      }
    }
    return new KnockoutPlan(List.copyOf(sets), List.copyOf(windows));
  }

  public boolean needsObject() {
    return edgeSets.stream().anyMatch(EdgeSet::needsObject);
  }
}
