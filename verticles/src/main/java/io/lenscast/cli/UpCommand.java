package io.lenscast.cli;

import io.lenscast.config.LenscastConfig;
import io.lenscast.launch.Platform;
import io.lenscast.launch.Role;
import io.lenscast.worker.EngineProcessors;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code ./lenscast up}: everything on one machine. The embedded Kafka (unless
 * {@code kafka.bootstrapServers} is set), topics, worker(s) with the demo model loaded, the
 * dashboard and the aggregator; prints where to look and how to publish; Ctrl-C stops cleanly.
 */
public final class UpCommand implements Command {
  @Override
  public String name() {
    return "up";
  }

  @Override
  public String summary() {
    return "embedded Kafka + worker + dashboard + aggregator on this machine";
  }

  @Override
  public int run(List<String> args) throws Exception {
    OptionParser parser = ConfigOptions.declare(new OptionParser(name()));
    LenscastConfig config = ConfigOptions.load(parser.parse(args));
    System.err.println("lenscast: starting"
        + (config.kafka().useEmbedded() ? " embedded Kafka in "
            + config.resolve(config.kafka().embedded().dataDir()) : "") + ", loading model '"
        + config.worker().defaultModel() + "'...");
    Platform platform = Platform.start(config,
        EnumSet.of(Role.WORKER, Role.DASHBOARD, Role.AGGREGATOR), true,
        new EngineProcessors(config.worker()));
    String url = "http://" + config.dashboard().host() + ":" + config.dashboard().port();
    System.out.println("lenscast is up");
    System.out.println("  dashboard: " + url);
    System.out.println("  kafka:     " + platform.bootstrapServers() + " (jobs topic "
        + config.kafka().topics().jobs() + ", results " + config.kafka().topics().results()
        + ")");
    System.out.println("  publish:   ./lenscast publish --bootstrap "
        + platform.bootstrapServers() + " shared/fixtures/images/img0_shapes_500x375.png "
        + "--task describe");
    System.out.println("Ctrl-C stops.");
    System.out.flush();
    ShutdownLatch.awaitThen(platform);
    return 0;
  }
}
