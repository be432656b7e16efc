package io.lenscast.dashboard;

import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One browser's WebSocket with what it subscribed to and a backlog of frames the socket could not
 * take yet. Frames go straight to the socket while its write queue has room. A client that stops
 * keeping up is dropped (told why) instead of growing memory or holding up anyone else: when its
 * oldest waiting frame has waited longer than {@code maxLagMs}, or its backlog exceeds
 * {@code maxBufferedFrames} (a memory bound). A fast client that is handed a burst drains it in
 * milliseconds and is never dropped for it. {@code onDropped} runs once per frame discarded.
 */
final class ClientChannel {
  /** WebSocket close code for "dropped: could not keep up" (application range 4000-4999). */
  static final short CLOSE_TOO_SLOW = 4008;

  private final ServerWebSocket socket;
  private final int maxBufferedFrames;
  private final long maxLagMs;
  private final LongSupplier clock;
  private final Runnable onDropped;
  private final ArrayDeque<Waiting> backlog = new ArrayDeque<>();
  private final Set<String> jobs = new HashSet<>();
  private boolean allJobs;
  private boolean compactLayers;
  private boolean closed;

  private record Waiting(String frame, long sinceMs) {}

  ClientChannel(ServerWebSocket socket, int maxBufferedFrames, long maxLagMs, LongSupplier clock,
      Runnable onDropped) {
    this.socket = socket;
    this.maxBufferedFrames = maxBufferedFrames;
    this.maxLagMs = maxLagMs;
    this.clock = clock;
    this.onDropped = onDropped;
    socket.drainHandler(v -> flush());
  }

  boolean wants(String jobId) {
    return allJobs || jobs.contains(jobId);
  }

  /** Whether this client takes layer events as compact frames. */
  boolean compactLayers() {
    return compactLayers;
  }

  void compactLayers(boolean compact) {
    compactLayers = compact;
  }

  void subscribe(String jobId) {
    if (SubscriptionMessages.ALL.equals(jobId)) {
      allJobs = true;
    } else {
      jobs.add(jobId);
    }
  }

  void unsubscribe(String jobId) {
    if (SubscriptionMessages.ALL.equals(jobId)) {
      allJobs = false;
    } else {
      jobs.remove(jobId);
    }
  }

  void send(String frame) {
    if (closed) {
      return;
    }
    if (backlog.isEmpty() && !socket.writeQueueFull()) {
      socket.writeTextMessage(frame);
      return;
    }
    backlog.add(new Waiting(frame, clock.getAsLong()));
    if (backlog.size() > maxBufferedFrames) {
      drop("dropped: more than " + maxBufferedFrames + " events waiting for this client");
    } else {
      checkLag();
    }
  }

  /** Drops the client when its oldest waiting frame is older than the allowed lag. */
  void checkLag() {
    Waiting oldest = backlog.peek();
    if (!closed && oldest != null && clock.getAsLong() - oldest.sinceMs() > maxLagMs) {
      drop("dropped: events waited more than " + maxLagMs + " ms for this client");
    }
  }

  void markClosed() {
    closed = true;
    backlog.clear();
  }

  private void flush() {
    while (!closed && !backlog.isEmpty() && !socket.writeQueueFull()) {
      socket.writeTextMessage(backlog.poll().frame());
    }
  }

  private void drop(String reason) {
    for (int i = 0; i < backlog.size(); i++) {
      onDropped.run();
    }
    markClosed();
    socket.writeTextMessage(SubscriptionMessages.dropped(reason));
    socket.close(CLOSE_TOO_SLOW, reason);
  }
}
