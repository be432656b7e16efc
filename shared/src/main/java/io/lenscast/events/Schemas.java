package io.lenscast.events;

/** The schema names carried in every event's {@code "schema"} field. */
public final class Schemas {
  public static final String JOB = "lenscast.job";
  public static final String LAYER = "lenscast.layer";
  public static final String ABLATION = "lenscast.ablation";
  public static final String KNOCKOUT = "lenscast.knockout";
  public static final String RESULT = "lenscast.result";
  public static final String STATUS = "lenscast.status";

  private Schemas() {}
}
