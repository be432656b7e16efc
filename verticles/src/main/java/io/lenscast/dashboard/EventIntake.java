package io.lenscast.dashboard;

import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.lenscast.events.JobEvent;
import io.vertx.core.Vertx;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where records from the topics enter the dashboard: decoded at the edge, stored, fanned out to
 * the WebSocket clients; a job's image is cropped for display on a worker thread. Malformed
 * values are skipped with a log line (the worker's DLQ is where they are dealt with).
 */
final class EventIntake {
  private static final Logger LOG = Logger.getLogger(EventIntake.class.getName());

  private final Vertx vertx;
  private final JobStore store;
  private final WebSocketHub hub;
  private final ImageCropper cropper;
  private final String layersTopic;
  private final String aggregatesTopic;

  EventIntake(Vertx vertx, JobStore store, WebSocketHub hub, ImageCropper cropper,
      String layersTopic, String aggregatesTopic) {
    this.vertx = vertx;
    this.store = store;
    this.hub = hub;
    this.cropper = cropper;
    this.layersTopic = layersTopic;
    this.aggregatesTopic = aggregatesTopic;
  }

  void accept(String topic, String key, String value) {
    if (value == null) {
      return;
    }
    if (topic.equals(aggregatesTopic)) {
      String aggregateKey = key == null ? "" : key;
      store.recordAggregate(aggregateKey, value);
      hub.publishAggregate(aggregateKey, value);
      return;
    }
    Optional<LayerHeader> layer = topic.equals(layersTopic) ? LayerHeader.read(value)
        : Optional.empty();
    if (layer.isPresent()) {
      store.recordLayer(layer.get(), value).ifPresent(job -> hub.publish(job, value,
          () -> CompactLayerFrame.of(value).orElse(value)));
      return;
    }
    Event event;
    try {
      event = EventCodec.parse(value);
    } catch (EventCodec.MalformedEventException e) {
      LOG.fine(() -> "skipping a malformed value on " + topic + ": " + e.getMessage());
      return;
    }
    Optional<StoredJob> stored = store.record(event, value);
    if (stored.isEmpty()) {
      return;
    }
    StoredJob job = stored.get();
    String json = event instanceof JobEvent ? job.jobJson() : value;
    hub.publish(job, json, () -> json);
    if (event instanceof JobEvent j && j.image() != null && j.image().base64() != null) {
      cropLater(job, j.image().base64());
    }
  }

  private void cropLater(StoredJob job, String base64) {
    vertx.executeBlocking(() -> {
      try {
        return cropper.crop(Base64.getMimeDecoder().decode(base64));
      } catch (IllegalArgumentException e) {
        return Optional.<CropPreview>empty();
      }
    }, false).onSuccess(crop -> crop.ifPresent(c -> {
      store.crop(job, c);
      hub.publishRow(job);
    }));
  }
}
