package io.lenscast.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates lenscast's topics (those missing) with the configured partition count. */
public final class TopicAdmin {
  private TopicAdmin() {}

  /**
   * Creates every topic in {@code names} that does not exist yet (replication: the cluster's
   * default); existing ones are left as they are. Waits up to {@code timeout}.
   */
  public static void ensureTopics(KafkaClients clients, List<String> names, int partitions,
      Duration timeout) {
    try (Admin admin = Admin.create(clients.common())) {
      Set<String> existing = admin.listTopics().names()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String name : names) {
        if (!existing.contains(name)) {
          missing.add(new NewTopic(name, Optional.of(partitions), Optional.empty()));
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topics on " + clients.bootstrapServers()
          + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka at " + clients.bootstrapServers()
          + " did not answer within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }
}
