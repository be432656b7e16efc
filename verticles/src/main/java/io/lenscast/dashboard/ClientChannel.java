package io.lenscast.dashboard;

import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * One browser's WebSocket with what it subscribed to and a bounded buffer of frames the socket
 * could not take yet. {@code onDropped} runs once per frame discarded. Frames go straight to the socket while its write queue has room; a client
 * whose backlog exceeds the bound is dropped (told why) instead of growing memory or holding up
 * anyone else.
 */
final class ClientChannel {
  /** WebSocket close code for "dropped: could not keep up" (application range 4000-4999). */
  static final short CLOSE_TOO_SLOW = 4008;

  private final ServerWebSocket socket;
  private final int maxBufferedFrames;
  private final Runnable onDropped;
  private final ArrayDeque<String> backlog = new ArrayDeque<>();
  private final Set<String> jobs = new HashSet<>();
  private boolean allJobs;
  private boolean closed;

  ClientChannel(ServerWebSocket socket, int maxBufferedFrames, Runnable onDropped) {
    this.socket = socket;
    this.maxBufferedFrames = maxBufferedFrames;
    this.onDropped = onDropped;
    socket.drainHandler(v -> flush());
  }

  boolean wants(String jobId) {
    return allJobs || jobs.contains(jobId);
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

  int backlogSize() {
    return backlog.size();
  }

  boolean isClosed() {
    return closed;
  }

  void send(String frame) {
    if (closed) {
      return;
    }
    if (backlog.isEmpty() && !socket.writeQueueFull()) {
      socket.writeTextMessage(frame);
      return;
    }
    backlog.add(frame);
    if (backlog.size() > maxBufferedFrames) {
      drop("dropped: more than " + maxBufferedFrames + " events waiting for this client");
    }
  }

  void markClosed() {
    closed = true;
    backlog.clear();
  }

  private void flush() {
    while (!closed && !backlog.isEmpty() && !socket.writeQueueFull()) {
      socket.writeTextMessage(backlog.poll());
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
