package io.lenscast.aggregator;

import io.lenscast.events.AblationEvent;
import io.lenscast.events.Event;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy before and after each intervention: per ablation condition and per knockout edge
 * set and window, how many scored jobs were correct at baseline and under the intervention,
 * and the drop between them. Unscored outcomes (no class) are counted apart.
 */
public final class OutcomeCounts implements DatasetMetrics {
  private final Map<String, Tally> tallies = new LinkedHashMap<>();

  @Override
  public synchronized void add(Event event) {
    if (event instanceof AblationEvent a) {
      tally("ablation", a.condition(), null).add(a.baseline(), a.ablated());
    } else if (event instanceof KnockoutEvent k) {
      String window = k.window() != null ? k.window()
          : k.layers()[0] + "-" + k.layers()[1];
      tally("knockout", k.edgeSet(), window).add(k.baseline(), k.knocked());
    }
  }

  private Tally tally(String kind, String name, String window) {
    return tallies.computeIfAbsent(kind + "|" + name + "|" + window,
        k -> new Tally(kind, name, window));
  }

  @Override
  public synchronized List<Map<String, Object>> rows() {
    List<Map<String, Object>> rows = new ArrayList<>();
    tallies.values().forEach(t -> rows.add(t.row()));
    return rows;
  }

  private static final class Tally {
    final String kind;
    final String name;
    final String window;
    int scored;
    int unscored;
    int baselineCorrect;
    int interventionCorrect;

    Tally(String kind, String name, String window) {
      this.kind = kind;
      this.name = name;
      this.window = window;
    }

    void add(Outcome baseline, Outcome intervention) {
      if (baseline == null || intervention == null || baseline.correct() == null
          || intervention.correct() == null) {
        unscored++;
        return;
      }
      scored++;
      baselineCorrect += baseline.correct() ? 1 : 0;
      interventionCorrect += intervention.correct() ? 1 : 0;
    }

    Map<String, Object> row() {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("kind", kind);
      r.put(kind.equals("ablation") ? "condition" : "edgeSet", name);
      if (window != null) {
        r.put("window", window);
      }
      r.put("n", scored);
      r.put("unscored", unscored);
      r.put("baselineAccuracy", scored == 0 ? null : (double) baselineCorrect / scored);
      r.put("interventionAccuracy", scored == 0 ? null : (double) interventionCorrect / scored);
      r.put("drop", scored == 0 ? null
          : (double) (baselineCorrect - interventionCorrect) / scored);
      return r;
    }
  }
}
