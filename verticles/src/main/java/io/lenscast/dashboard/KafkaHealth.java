package io.lenscast.dashboard;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.admin.KafkaAdminClient;

/**
 * Answers {@code GET /health}: is the Kafka cluster reachable right now (a describe-cluster
 * round trip bounded by the admin client's timeouts)? The dashboard shows "Kafka down" from it.
 */
final class KafkaHealth {
  private final KafkaAdminClient admin;

  KafkaHealth(KafkaAdminClient admin) {
    this.admin = admin;
  }

  /** Always succeeds: {@code {"status":"up"|"down","kafka":{...}}}. */
  Future<JsonObject> check() {
    return admin.describeCluster()
        .map(cluster -> new JsonObject().put("status", "up").put("kafka", new JsonObject()
            .put("reachable", true)
            .put("clusterId", cluster.getClusterId())
            .put("brokers", cluster.getNodes().size())))
        .recover(e -> Future.succeededFuture(new JsonObject().put("status", "down")
            .put("kafka", new JsonObject().put("reachable", false)
                .put("error", String.valueOf(e.getMessage())))));
  }

  Future<Void> close() {
    return admin.close();
  }
}
