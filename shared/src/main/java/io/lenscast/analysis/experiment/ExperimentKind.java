package io.lenscast.analysis.experiment;

import io.lenscast.analysis.dataset.PaperFilters;

/**
 * The paper's three dataset experiments, with the COCO filter each selects its images by and
 * whether it needs the clean VQA questions.
 */
public enum ExperimentKind {
  ABLATION("ablation", PaperFilters.PAPER_ABLATION, false),
  KNOCKOUT("knockout", PaperFilters.PAPER_ABLATION, true),
  LENS("lens", PaperFilters.PAPER_LENS, false);

  private final String id;
  private final String filter;
  private final boolean needsQuestions;

  ExperimentKind(String id, String filter, boolean needsQuestions) {
    this.id = id;
    this.filter = filter;
    this.needsQuestions = needsQuestions;
  }

  public String id() {
    return id;
  }

  public String filter() {
    return filter;
  }

  public boolean needsQuestions() {
    return needsQuestions;
  }

  public static ExperimentKind of(String id) {
    for (ExperimentKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown experiment '" + id
        + "' (ablation, knockout or lens)");
  }
}
