package io.lenscast.launch;

import io.lenscast.aggregator.AggregatorVerticle;
import io.lenscast.dashboard.DashboardSettings;
import io.lenscast.dashboard.DashboardVerticle;
import io.lenscast.worker.WorkerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
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
  DASHBOARD {
    @Override
    Future<?> deploy(Vertx vertx, PlatformContext ctx) {
      DashboardSettings settings = DashboardSettings.fromConfig(
          new JsonObject(ctx.config().toJson()), ctx.bootstrapServers(), ctx.config().baseDir());
      return vertx.deployVerticle(new DashboardVerticle(settings, ctx.metrics().registry()));
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
