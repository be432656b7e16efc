package io.lenscast.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A test WebSocket client that records every text frame. A "slow" client reads the first
 * {@code initialDemand} frames and then stops reading until {@link #resume()}, so the server
 * sees a peer that cannot keep up.
 */
final class WsClient implements AutoCloseable {
  final List<String> frames = new CopyOnWriteArrayList<>();
  /** When each frame arrived (epoch ms), aligned with {@link #frames}. */
  final List<Long> arrivedAtMs = new CopyOnWriteArrayList<>();
  final CompletableFuture<String> closed = new CompletableFuture<>();
  private final WebSocket socket;
  private final StringBuilder partial = new StringBuilder();

  WsClient(String url, long initialDemand) throws Exception {
    socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .buildAsync(URI.create(url), new WebSocket.Listener() {
          @Override
          public void onOpen(WebSocket ws) {
            ws.request(initialDemand);
          }

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              arrivedAtMs.add(System.currentTimeMillis());
              frames.add(partial.toString());
              partial.setLength(0);
            }
            if (initialDemand == Long.MAX_VALUE) {
              ws.request(1);
            }
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
          }

          @Override
          public void onError(WebSocket ws, Throwable error) {
            closed.complete("error " + error);
          }
        }).get(10, TimeUnit.SECONDS);
  }

  static WsClient fast(String url) throws Exception {
    return new WsClient(url, Long.MAX_VALUE);
  }

  void send(String text) throws Exception {
    socket.sendText(text, true).get(5, TimeUnit.SECONDS);
  }

  void resume() {
    socket.request(Long.MAX_VALUE);
  }

  List<String> framesContaining(String needle) {
    List<String> out = new ArrayList<>();
    for (String f : frames) {
      if (f.contains(needle)) {
        out.add(f);
      }
    }
    return out;
  }

  @Override
  public void close() {
    socket.abort();
  }
}
