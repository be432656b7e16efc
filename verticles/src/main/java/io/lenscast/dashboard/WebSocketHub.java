package io.lenscast.dashboard;

import io.micrometer.core.instrument.Counter;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Fans events out to the connected browsers. Every client gets the job list and its changes; job
 * events go to clients subscribed to that job (or to all jobs). A job opened late is replayed
 * from the store first, on the same event loop, so no live event slips between replay and live.
 * Row changes are coalesced: a job streaming a hundred layers a second sends its row to the
 * clients once per {@code later} tick, not twice per layer.
 */
final class WebSocketHub {
  private final JobStore store;
  private final int maxBufferedFrames;
  private final long maxLagMs;
  private final LongSupplier clock;
  private final Counter dropped;
  private final Consumer<Runnable> later;
  private final Set<ClientChannel> clients = new LinkedHashSet<>();
  private final Set<StoredJob> changedRows = new LinkedHashSet<>();

  /** {@code later}: runs its argument on this event loop a moment from now (one row tick). */
  WebSocketHub(JobStore store, int maxBufferedFrames, long maxLagMs, LongSupplier clock,
      Consumer<Runnable> later, Counter dropped) {
    this.store = store;
    this.maxBufferedFrames = maxBufferedFrames;
    this.maxLagMs = maxLagMs;
    this.clock = clock;
    this.later = later;
    this.dropped = dropped;
  }

  /** Connected clients; read by the metrics gauge from the scrape thread (a size read). */
  int clientCount() {
    return clients.size();
  }

  void connect(ServerWebSocket socket) {
    ClientChannel client = new ClientChannel(socket, maxBufferedFrames, maxLagMs, clock,
        dropped::increment);
    clients.add(client);
    socket.closeHandler(v -> {
      client.markClosed();
      clients.remove(client);
    });
    socket.exceptionHandler(e -> socket.close());
    socket.textMessageHandler(text -> onRequest(client, text));
    client.send(SubscriptionMessages.jobs(store.summaries()));
    store.aggregates().forEach((k, v) -> client.send(SubscriptionMessages.aggregate(k, v)));
  }

  /**
   * A new event of a job: to its subscribers (as {@code compactJson}, made once when the first
   * of them needs it, to those that asked for compact layers; the same string for events that
   * have no compact form), and its changed row to everyone at the next row tick.
   */
  void publish(StoredJob job, String eventJson, Supplier<String> compactJson) {
    String compact = null;
    for (ClientChannel client : snapshot()) {
      if (client.wants(job.jobId())) {
        if (client.compactLayers() && compact == null) {
          compact = compactJson.get();
        }
        client.send(client.compactLayers() ? compact : eventJson);
      }
    }
    publishRow(job);
  }

  /** A job's row changed (a new event, or its crop became available). */
  void publishRow(StoredJob job) {
    if (changedRows.add(job) && changedRows.size() == 1) {
      later.accept(this::sendChangedRows);
    }
  }

  private void sendChangedRows() {
    List<String> rows = changedRows.stream()
        .map(job -> SubscriptionMessages.job(job.summary())).toList();
    changedRows.clear();
    for (ClientChannel client : snapshot()) {
      rows.forEach(client::send);
    }
  }

  /** Drops the clients that stopped draining while no new events arrived to notice it. */
  void checkLag() {
    snapshot().forEach(ClientChannel::checkLag);
  }

  void publishAggregate(String key, String json) {
    String frame = SubscriptionMessages.aggregate(key, json);
    snapshot().forEach(c -> c.send(frame));
  }

  void closeAll() {
    snapshot().forEach(ClientChannel::markClosed);
    clients.clear();
  }

  private void onRequest(ClientChannel client, String text) {
    SubscriptionMessages.Request request = SubscriptionMessages.parse(text);
    if (request == null) {
      client.send(SubscriptionMessages.error("not a request: expected {\"type\":...}"));
      return;
    }
    switch (request.type()) {
      case "subscribe" -> subscribe(client, request.jobId(), request.layers());
      case "unsubscribe" -> {
        if (request.jobId() != null) {
          client.unsubscribe(request.jobId());
        }
      }
      case "ping" -> client.send(SubscriptionMessages.pong());
      default -> client.send(SubscriptionMessages.error("unknown request type '"
          + request.type() + "'"));
    }
  }

  private void subscribe(ClientChannel client, String jobId, String layers) {
    if (jobId == null || jobId.isBlank()) {
      client.send(SubscriptionMessages.error("subscribe needs a jobId (or \"*\")"));
      return;
    }
    client.subscribe(jobId);
    client.compactLayers(SubscriptionMessages.COMPACT_LAYERS.equals(layers));
    if (SubscriptionMessages.ALL.equals(jobId)) {
      return;
    }
    boolean compact = client.compactLayers();
    List<String> events = store.job(jobId).map(j -> j.events(compact)).orElse(List.of());
    events.forEach(client::send);
    client.send(SubscriptionMessages.replayed(jobId, events.size()));
  }

  private List<ClientChannel> snapshot() {
    return new ArrayList<>(clients);
  }
}
