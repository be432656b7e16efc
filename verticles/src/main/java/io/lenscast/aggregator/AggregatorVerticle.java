package io.lenscast.aggregator;

import io.lenscast.config.LenscastConfig;
import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.lenscast.events.JobEvent;
import io.lenscast.kafka.KafkaClients;
import io.lenscast.kafka.Topic;
import io.lenscast.kafka.Topics;
import io.lenscast.metrics.LenscastMetrics;
import io.lenscast.worker.JobIds;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Deployment unit of the aggregator role: reads jobs, ablations, knockouts and results from
 * the beginning (its state is rebuilt on every start, so it never commits), keeps
 * {@link ExperimentAggregates}, and every {@code aggregator.publishIntervalMs} publishes the
 * changed experiment/tag aggregates to {@code lenscast.aggregates.v1} (key
 * {@code experiment/tag}) and on the local event bus address {@link #ADDRESS}.
 */
public final class AggregatorVerticle extends VerticleBase {
  /** Event-bus address where each changed aggregate is published as JSON. */
  public static final String ADDRESS = "lenscast.aggregates";

  private final LenscastConfig config;
  private final LenscastMetrics metrics;
  private final ExperimentAggregates aggregates = new ExperimentAggregates(PaperMetrics::new);
  private volatile boolean running = true;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private KafkaProducer<String, byte[]> producer;
  private long timer;

  public AggregatorVerticle(LenscastConfig config, LenscastMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  /** The current aggregates of every experiment/tag (for in-process readers and tests). */
  public ExperimentAggregates aggregates() {
    return aggregates;
  }

  @Override
  public Future<?> start() {
    Topics topics = new Topics(config.kafka().topics());
    KafkaClients clients = new KafkaClients(config.kafka());
    return vertx.executeBlocking(() -> {
      producer = clients.producer("lenscast-aggregator");
      KafkaConsumer<String, byte[]> consumer = clients.consumer(
          config.aggregator().groupId(), "lenscast-aggregator", Map.of());
      consumer.subscribe(List.of(topics.jobs(), topics.name(Topic.ABLATIONS),
          topics.name(Topic.KNOCKOUTS), topics.name(Topic.RESULTS)));
      Thread t = new Thread(() -> consume(consumer), "lenscast-aggregator-consumer");
      t.setDaemon(true);
      t.start();
      return null;
    }).onSuccess(v -> timer = vertx.setPeriodic(config.aggregator().publishIntervalMs(),
        id -> publishChanged(topics.name(Topic.AGGREGATES))));
  }

  private void consume(KafkaConsumer<String, byte[]> consumer) {
    try (consumer) {
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          accept(r);
        }
      }
    } finally {
      stopped.complete(null);
    }
  }

  private void accept(ConsumerRecord<String, byte[]> r) {
    Event event;
    try {
      event = EventCodec.parse(new String(r.value(), StandardCharsets.UTF_8));
    } catch (EventCodec.MalformedEventException | RuntimeException e) {
      return;
    }
    if (event instanceof JobEvent job && job.jobId() == null) {
      event = new JobEvent(job.schema(), job.version(),
          JobIds.forMessage(r.key(), r.topic(), r.partition(), r.offset()), job.image(),
          job.prompt(), job.task(), job.className(), job.question(), job.objects(),
          job.analyses(), job.model(), job.experiment(), job.tag(), job.submittedAtMs());
    }
    aggregates.accept(event);
  }

  private void publishChanged(String topic) {
    Map<String, ExperimentAggregates.Aggregate> changed = aggregates.drainChanged();
    changed.forEach((key, value) -> {
      String json = EventCodec.toJson(value);
      producer.send(new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8)));
      metrics.eventPublished(topic);
      vertx.eventBus().publish(ADDRESS, new JsonObject(json));
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    running = false;
    return vertx.executeBlocking(() -> {
      stopped.get();
      if (producer != null) {
        producer.close(Duration.ofSeconds(10));
      }
      return null;
    });
  }
}
