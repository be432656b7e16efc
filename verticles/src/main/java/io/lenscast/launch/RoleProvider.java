package io.lenscast.launch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A deployable role (worker, dashboard, aggregator) found through {@link java.util.ServiceLoader}:
 * a module adds its provider to {@code META-INF/services/io.lenscast.launch.RoleProvider} and
 * {@code ./lenscast up} deploys it without compiling against it. The dashboard registers itself
 * this way under the role name {@code dashboard}.
 */
public interface RoleProvider {
  /** The role name: {@code worker}, {@code dashboard}, {@code aggregator}. */
  String role();

  /** Deploys the role's verticle(s) on {@code vertx}; the future holds a deployment id. */
  Future<String> deploy(Vertx vertx, PlatformContext context);
}
