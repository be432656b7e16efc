package io.lenscast;

/** The lenscast version recorded in every result's provenance. */
public final class Version {
  public static final String VALUE = "0.1.0";

  private Version() {}
}
