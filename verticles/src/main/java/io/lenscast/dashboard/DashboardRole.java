package io.lenscast.dashboard;

import io.lenscast.launch.PlatformContext;
import io.lenscast.launch.RoleProvider;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Registers the dashboard with {@code ./lenscast up} / {@code dashboard} (ServiceLoader). */
public final class DashboardRole implements RoleProvider {
  @Override
  public String role() {
    return "dashboard";
  }

  @Override
  public Future<String> deploy(Vertx vertx, PlatformContext context) {
    return vertx.deployVerticle(new DashboardVerticle(context.config(), context.metrics()));
  }
}
