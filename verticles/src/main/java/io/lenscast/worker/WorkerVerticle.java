package io.lenscast.worker;

import io.lenscast.config.LenscastConfig;
import io.lenscast.config.WorkerSettings;
import io.lenscast.kafka.KafkaClients;
import io.lenscast.kafka.Topics;
import io.lenscast.metrics.LenscastMetrics;
import io.lenscast.schema.EventSchemas;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Deployment unit of the worker role: on start it opens the default model, a producer and a
 * consumer in {@code worker.groupId}, and runs a {@link JobConsumerLoop} on its own thread (no
 * model work ever touches an event loop). On stop the running job finishes, its offset is
 * committed, the consumer leaves the group and the model is closed.
 */
public final class WorkerVerticle extends VerticleBase {
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final LenscastConfig config;
  private final LenscastMetrics metrics;
  private final JobProcessorFactory processors;
  private final String workerId;
  private KafkaProducer<String, byte[]> producer;
  private ModelRegistry models;
  private JobConsumerLoop loop;

  public WorkerVerticle(LenscastConfig config, LenscastMetrics metrics,
      JobProcessorFactory processors) {
    this.config = config;
    this.metrics = metrics;
    this.processors = processors;
    this.workerId = ManagementFactory.getRuntimeMXBean().getName() + "-w"
        + INSTANCES.incrementAndGet();
  }

  public String workerId() {
    return workerId;
  }

  @Override
  public Future<?> start() {
    return vertx.executeBlocking(() -> {
      WorkerSettings w = config.worker();
      Topics topics = new Topics(config.kafka().topics());
      KafkaClients clients = new KafkaClients(config.kafka());
      models = new ModelRegistry(w, config::resolve, processors);
      models.processorFor(null);
      producer = clients.producer(workerId);
      KafkaConsumer<String, byte[]> consumer = clients.consumer(w.groupId(), workerId, Map.of(
          ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1",
          ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(maxMessageBytes(w) + 65536),
          ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
          String.valueOf(maxMessageBytes(w) + 65536)));
      JobHandler handler = new JobHandler(
          new JobIntake(new EventSchemas(), maxMessageBytes(w)),
          new ImageResolver(config.resolve(w.allowedImageDir()), w.maxImageBytes(),
              w.maxImagePixels()),
          models, producer, topics, metrics, workerId, Duration.ofMinutes(5));
      loop = new JobConsumerLoop(consumer, topics.jobs(), handler, workerId, metrics,
          w.groupId());
      Thread t = new Thread(loop, workerId + "-consumer");
      t.setDaemon(true);
      t.start();
      loop.subscribed().get();
      return null;
    });
  }

  /** A base64 job carries the image at 4/3 of its size plus the JSON around it. */
  private static long maxMessageBytes(WorkerSettings w) {
    return w.maxImageBytes() / 3 * 4 + 1024 * 1024;
  }

  @Override
  public Future<?> stop() {
    return vertx.executeBlocking(() -> {
      if (loop != null) {
        loop.stop().get();
      }
      if (producer != null) {
        producer.close(Duration.ofSeconds(10));
      }
      if (models != null) {
        models.close();
      }
      return null;
    });
  }
}
