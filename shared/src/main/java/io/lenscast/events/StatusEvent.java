package io.lenscast.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Lifecycle of a job: accepted, running (with progress), completed or failed (with error). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusEvent(
    String schema,
    int version,
    String jobId,
    String state,
    Progress progress,
    Error error,
    String worker,
    Long atMs) implements Event {

  public static final String ACCEPTED = "accepted";
  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";

  public record Progress(int done, int total) {}

  public record Error(String code, String message) {}

  public static StatusEvent of(String jobId, String state, Progress progress, Error error,
      String worker) {
    return new StatusEvent(Schemas.STATUS, VERSION, jobId, state, progress, error, worker,
        System.currentTimeMillis());
  }
}
