package io.lenscast.config;

/**
 * The {@code dashboard} section: where the HTTP/WebSocket server binds, the static web root, the
 * optional bearer token, upload and per-client buffer limits, and the prefix of the consumer
 * group each dashboard instance makes for itself.
 */
public record DashboardSettings(
    String host,
    int port,
    String webRoot,
    String authToken,
    long maxUploadBytes,
    int wsClientBufferEvents,
    String groupIdPrefix) {

  @Override
  public String toString() {
    return "DashboardSettings[host=" + host + ", port=" + port + ", webRoot=" + webRoot
        + ", authToken=" + (authToken == null ? "none" : "****") + ", maxUploadBytes="
        + maxUploadBytes + ", wsClientBufferEvents=" + wsClientBufferEvents
        + ", groupIdPrefix=" + groupIdPrefix + "]";
  }
}
