package io.lenscast.analysis.metrics;

import io.lenscast.events.Outcome;

/** The two scorings every outcome carries: lenscast's corrected one and the reference's. */
final class Scorings {
  static final String CORRECTED = "corrected";
  static final String REFERENCE = "reference";
  static final String[] ALL = {CORRECTED, REFERENCE};

  private Scorings() {}

  static Boolean of(Outcome o, String scoring) {
    if (o == null) {
      return null;
    }
    return scoring.equals(CORRECTED) ? o.correct() : o.correctReference();
  }
}
