package io.lenscast.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row of the job list: what the list view and {@code GET /api/jobs} show without the
 * events themselves. {@code state} is the worker's last status, or {@code submitted} while only
 * the job itself has been seen. {@code lens}: whether the job gets the logit lens (null until
 * the job event was seen); without it, {@code layersDone}/{@code layersTotal} count the job's
 * runs (baseline, conditions, knockouts) as its status progress does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobSummary(
    String jobId,
    String state,
    int layersDone,
    int layersTotal,
    Boolean lens,
    String tag,
    String experiment,
    String task,
    String prompt,
    String className,
    String model,
    String imageName,
    boolean hasCrop,
    String errorCode,
    String errorMessage,
    Long submittedAtMs,
    long updatedAtMs) {

  public static final String SUBMITTED = "submitted";
}
