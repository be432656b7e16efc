package io.lenscast.config;

/**
 * The {@code dashboard} section: where the HTTP/WebSocket server binds, the static web root, the
 * optional bearer token, upload and per-client buffer and lag limits, and how many jobs (and how much of their events) it keeps in memory.
 * (The dashboard verticle reads the same keys from the JSON form of the configuration.)
 */
public record DashboardSettings(
    String host,
    int port,
    String webRoot,
    String authToken,
    long maxUploadBytes,
    int wsClientBufferEvents,
    long wsClientMaxLagMs,
    int maxJobs,
    int maxStoredMb) {

  @Override
  public String toString() {
    return "DashboardSettings[host=" + host + ", port=" + port + ", webRoot=" + webRoot
        + ", authToken=" + (authToken == null ? "none" : "****") + ", maxUploadBytes="
        + maxUploadBytes + ", wsClientBufferEvents=" + wsClientBufferEvents
        + ", wsClientMaxLagMs=" + wsClientMaxLagMs
        + ", maxJobs=" + maxJobs + ", maxStoredMb=" + maxStoredMb + "]";
  }
}
