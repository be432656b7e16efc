package io.lenscast.cli;

import io.lenscast.config.LenscastConfig;
import io.lenscast.launch.Platform;
import io.lenscast.launch.Role;
import io.lenscast.worker.EngineProcessors;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./lenscast worker} and {@code ./lenscast dashboard}: one role against the configured
 * (external) Kafka, for scaling out; never starts a broker.
 */
public final class RoleCommand implements Command {
  private final Role role;

  public RoleCommand(Role role) {
    this.role = role;
  }

  @Override
  public String name() {
    return role.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String summary() {
    return "run only the " + name() + " role against kafka.bootstrapServers";
  }

  @Override
  public int run(List<String> args) throws Exception {
    OptionParser parser = ConfigOptions.declare(new OptionParser(name()));
    LenscastConfig config = ConfigOptions.load(parser.parse(args));
    EnumSet<Role> roles = role == Role.WORKER ? EnumSet.of(Role.WORKER, Role.WORKER_HTTP)
        : EnumSet.of(role);
    Platform platform = Platform.start(config, roles, false,
        new EngineProcessors(config.worker()));
    System.out.println("lenscast " + name() + " running against " + platform.bootstrapServers()
        + (role == Role.DASHBOARD ? " at http://" + config.dashboard().host() + ":"
            + config.dashboard().port() : " (health and metrics on http://"
            + config.worker().httpHost() + ":" + config.worker().httpPort() + ")"));
    System.out.flush();
    ShutdownLatch.awaitThen(platform);
    return 0;
  }
}
