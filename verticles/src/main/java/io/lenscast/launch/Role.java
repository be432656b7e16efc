package io.lenscast.launch;

import io.lenscast.aggregator.AggregatorVerticle;
import io.lenscast.dashboard.DashboardVerticle;
import io.lenscast.worker.WorkerHttpVerticle;
import io.lenscast.worker.WorkerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/** The deployable roles of a lenscast process and how each is deployed. */
public enum Role {
  WORKER {
    @Override
    Future<?> deploy(Vertx vertx, PlatformContext ctx) {
      List<Future<String>> all = new ArrayList<>();
      for (int i = 0; i < ctx.config().worker().instances(); i++) {
        all.add(vertx.deployVerticle(
            new WorkerVerticle(ctx.config(), ctx.metrics(), ctx.processors())));
      }
      return Future.all(all);
    }
  },
  /** {@code /health} and {@code /metrics} of a stand-alone worker process. */
  WORKER_HTTP {
    @Override
    Future<?> deploy(Vertx vertx, PlatformContext ctx) {
      return vertx.deployVerticle(
          new WorkerHttpVerticle(ctx.config().worker(), ctx.metrics()));
    }
  },
  DASHBOARD {
    @Override
    Future<?> deploy(Vertx vertx, PlatformContext ctx) {
      return vertx.deployVerticle(
          new DashboardVerticle(ctx.config(), ctx.metrics(), ctx.bootstrapServers()));
    }
  },
  AGGREGATOR {
    @Override
    Future<?> deploy(Vertx vertx, PlatformContext ctx) {
      return vertx.deployVerticle(new AggregatorVerticle(ctx.config(), ctx.metrics()));
    }
  };

  abstract Future<?> deploy(Vertx vertx, PlatformContext ctx);
}
