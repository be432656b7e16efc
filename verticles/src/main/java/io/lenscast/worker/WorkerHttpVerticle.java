package io.lenscast.worker;

import io.lenscast.config.WorkerSettings;
import io.lenscast.metrics.LenscastMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * The small HTTP face of a stand-alone worker process ({@code ./lenscast worker}):
 * {@code GET /health} for container probes and {@code GET /metrics} for Prometheus, on
 * {@code worker.httpHost}:{@code worker.httpPort}. Under {@code up} the dashboard serves both.
 */
public final class WorkerHttpVerticle extends VerticleBase {
  private final WorkerSettings settings;
  private final LenscastMetrics metrics;
  private HttpServer server;

  public WorkerHttpVerticle(WorkerSettings settings, LenscastMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
  }

  /** The port actually bound (useful when configured as 0). */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> ctx.response()
        .putHeader("content-type", "application/json").end("{\"status\":\"UP\"}"));
    router.get("/metrics").handler(ctx -> vertx.executeBlocking(metrics::scrape)
        .onSuccess(text -> ctx.response()
            .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(text))
        .onFailure(ctx::fail));
    server = vertx.createHttpServer().requestHandler(router);
    return server.listen(settings.httpPort(), settings.httpHost());
  }
}
