package io.lenscast.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lenscast.events.EventCodec;
import java.util.List;

/**
 * The WebSocket control protocol beside the events themselves. Events go out as they are on the
 * topics (they carry {@code "schema"}); control frames carry {@code "type"}:
 * <ul>
 *   <li>client to server: {@code {"type":"subscribe","jobId":ID|"*"}}, {@code unsubscribe},
 *       {@code ping}. A subscribe with {@code "layers":"compact"} asks for this connection's
 *       layer events as {@link CompactLayerFrame}s ({@code "type":"layer"}) instead;</li>
 *   <li>server to client: {@code jobs} (the list, on connect), {@code job} (a row changed),
 *       {@code replayed} (stored events of a job sent; live ones follow), {@code aggregate},
 *       {@code error}, {@code dropped} (with the reason, before the server closes), {@code
 *       pong}.</li>
 * </ul>
 */
final class SubscriptionMessages {
  static final String ALL = "*";

  private SubscriptionMessages() {}

  /** The {@code layers} value of a subscribe asking for {@link CompactLayerFrame}s. */
  static final String COMPACT_LAYERS = "compact";

  /** A client request, or null when the frame is not one the server understands. */
  record Request(String type, String jobId, String layers) {}

  static Request parse(String text) {
    try {
      JsonNode node = EventCodec.mapper().readTree(text);
      if (node == null || !node.isObject() || !node.path("type").isTextual()) {
        return null;
      }
      JsonNode jobId = node.path("jobId");
      JsonNode layers = node.path("layers");
      return new Request(node.path("type").asText(), jobId.isTextual() ? jobId.asText() : null,
          layers.isTextual() ? layers.asText() : null);
    } catch (Exception e) {
      return null;
    }
  }

  static String jobs(List<JobSummary> jobs) {
    ObjectNode node = EventCodec.mapper().createObjectNode().put("type", "jobs");
    node.set("jobs", EventCodec.mapper().valueToTree(jobs));
    return node.toString();
  }

  static String job(JobSummary job) {
    ObjectNode node = EventCodec.mapper().createObjectNode().put("type", "job");
    node.set("job", EventCodec.mapper().valueToTree(job));
    return node.toString();
  }

  static String replayed(String jobId, int events) {
    return EventCodec.mapper().createObjectNode().put("type", "replayed").put("jobId", jobId)
        .put("events", events).toString();
  }

  static String aggregate(String key, String valueJson) {
    return "{\"type\":\"aggregate\",\"key\":" + EventCodec.mapper().getNodeFactory()
        .textNode(key).toString() + ",\"value\":" + valueJson + "}";
  }

  static String error(String message) {
    return EventCodec.mapper().createObjectNode().put("type", "error").put("message", message)
        .toString();
  }

  static String dropped(String reason) {
    return EventCodec.mapper().createObjectNode().put("type", "dropped").put("reason", reason)
        .toString();
  }

  static String pong() {
    return "{\"type\":\"pong\"}";
  }
}
