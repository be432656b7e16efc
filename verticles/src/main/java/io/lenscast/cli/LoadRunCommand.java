package io.lenscast.cli;

import io.lenscast.config.LenscastConfig;
import io.lenscast.events.EventCodec;
import io.lenscast.events.JobEvent;
import io.lenscast.kafka.KafkaClients;
import io.lenscast.kafka.Topic;
import io.lenscast.kafka.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./lenscast loadrun}: a load run against running workers. Publishes N copies of one image
 * job, keeping {@code --concurrency} in flight, follows their layer, result and status events,
 * and prints jobs/s, p50/p95 end-to-end latency and time to first layer, and the platform's
 * overhead over the engine time the results report.
 */
public final class LoadRunCommand implements Command {
  @Override
  public String name() {
    return "loadrun";
  }

  @Override
  public String summary() {
    return "load run: N jobs through Kafka and the workers; jobs/s, latency, overhead";
  }

  @Override
  public int run(List<String> args) throws Exception {
    OptionParser parser = JobOptions.declare(ConfigOptions.declare(new OptionParser(name()))
        .option("--bootstrap", "HOST:PORT", "Kafka (default: from config)")
        .option("--jobs", "N", "how many jobs (default 20)")
        .option("--concurrency", "C", "jobs in flight at once (default 1)")
        .option("--image", "FILE", "the image (default: fixture img0)")
        .option("--timeout", "SECONDS", "give up after this long (default 600)"));
    ParsedOptions o = parser.parse(args);
    LenscastConfig config = ConfigOptions.load(o);
    int n = o.intValue("--jobs", 20, 1, 1_000_000);
    int concurrency = o.intValue("--concurrency", 1, 1, 10_000);
    Duration timeout = Duration.ofSeconds(o.intValue("--timeout", 600, 1, 86_400));
    Path image = Path.of(o.get("--image") != null ? o.get("--image")
        : "shared/fixtures/images/img0_shapes_500x375.png");
    if (!Files.isRegularFile(image)) {
      throw new UsageException("image not found: " + image);
    }
    JobEvent template = JobOptions.toJob(o, null, "bench", null);
    String b64 = Base64.getEncoder().encodeToString(Files.readAllBytes(image));
    Properties props = new KafkaClients(config.kafka()).common();
    if (o.has("--bootstrap")) {
      props.put("bootstrap.servers", o.get("--bootstrap"));
    }
    Topics topics = new Topics(config.kafka().topics());
    LoadRun run = new LoadRun();
    try (KafkaConsumer<String, byte[]> consumer = follow(props, topics);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(props),
            new StringSerializer(), new ByteArraySerializer())) {
      int sent = 0;
      long deadline = System.nanoTime() + timeout.toNanos();
      while (run.done() < n) {
        while (sent < n && sent - run.done() < concurrency) {
          String id = "bench-" + UUID.randomUUID();
          JobEvent job = PublishItem.plain(image).job(template, id, b64);
          run.published(id, System.nanoTime());
          producer.send(new ProducerRecord<>(topics.jobs(), id, EventCodec.toBytes(job)));
          sent++;
        }
        for (var r : consumer.poll(Duration.ofMillis(50))) {
          run.observe(r, System.nanoTime());
        }
        if (System.nanoTime() > deadline) {
          System.err.println("lenscast loadrun: timed out; job " + run.firstUnfinished()
              .orElse("?") + " never finished (are workers running?)");
          System.out.print(run.summary());
          return 1;
        }
      }
    }
    System.out.print(run.summary());
    return 0;
  }

  /** A group-less consumer at the end of the output topics, so only this run's events count. */
  private static KafkaConsumer<String, byte[]> follow(Properties common, Topics topics) {
    Properties p = new Properties();
    p.putAll(common);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
        new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (Topic t : List.of(Topic.LAYERS, Topic.RESULTS, Topic.STATUS)) {
      for (PartitionInfo info : consumer.partitionsFor(topics.name(t), Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(info.topic(), info.partition()));
      }
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }

  private static Properties producerProps(Properties common) {
    Properties p = new Properties();
    p.putAll(common);
    p.putAll(Map.of("acks", "all", "linger.ms", "0",
        "max.request.size", String.valueOf(16 * 1024 * 1024)));
    return p;
  }
}
