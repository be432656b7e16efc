package io.lenscast.worker;

import io.lenscast.metrics.LenscastMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * The worker's consume loop on its own thread: takes one job message at a time, pauses every
 * assigned partition while the job runs on the model thread (the consumer keeps polling, so the
 * group sees it alive, but nothing queues up in memory), then commits that message's offset
 * only if all its events were acknowledged, else seeks back to run it again. Stopping lets the
 * running job finish, then leaves the group.
 */
final class JobConsumerLoop implements Runnable {
  private static final Logger LOG = Logger.getLogger(JobConsumerLoop.class.getName());
  private static final Duration POLL = Duration.ofMillis(100);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final JobHandler handler;
  private final ExecutorService modelThread;
  private final AtomicLong lag = new AtomicLong();
  private final AutoCloseable lagGauge;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
  private volatile boolean running = true;
  private volatile boolean busy;

  JobConsumerLoop(KafkaConsumer<String, byte[]> consumer, String topic, JobHandler handler,
      String name, LenscastMetrics metrics, String group) {
    this.consumer = consumer;
    this.topic = topic;
    this.handler = handler;
    this.modelThread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, name + "-model");
      t.setDaemon(true);
      return t;
    });
    lagGauge = metrics.consumerLag(group, lag::get);
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(topic), new PauseWhileBusy());
      subscribed.complete(null);
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        updateLag();
        for (ConsumerRecord<String, byte[]> record : records) {
          if (!runOne(record)) {
            break;
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "worker consume loop stopped", e);
      subscribed.completeExceptionally(e);
    } finally {
      modelThread.shutdown();
      closeQuietly(lagGauge);
      try {
        consumer.close(Duration.ofSeconds(10));
      } catch (KafkaException e) {
        LOG.log(Level.WARNING, "consumer did not close cleanly: " + e);
      }
      stopped.complete(null);
    }
  }

  /** @return false when the record was sent back for another try (skip the rest of the batch) */
  private boolean runOne(ConsumerRecord<String, byte[]> record) {
    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
    busy = true;
    consumer.pause(consumer.assignment());
    CompletableFuture<Boolean> job =
        CompletableFuture.supplyAsync(() -> handler.handle(record), modelThread);
    while (!job.isDone()) {
      try {
        job.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        consumer.poll(Duration.ZERO);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        consumer.poll(Duration.ZERO);
      } catch (ExecutionException e) {
        break;
      }
    }
    boolean acked;
    try {
      acked = job.join();
    } catch (java.util.concurrent.CompletionException e) {
      LOG.log(Level.SEVERE, "handling " + tp + "@" + record.offset() + " failed; retrying",
          e.getCause());
      acked = false;
    }
    try {
      if (acked) {
        consumer.commitSync(Map.of(tp, new OffsetAndMetadata(record.offset() + 1)));
      } else if (consumer.assignment().contains(tp)) {
        consumer.seek(tp, record.offset());
      }
    } catch (KafkaException e) {
      LOG.log(Level.WARNING, "offset of " + tp + "@" + record.offset()
          + " not committed (partition moved?); the job may run again elsewhere: " + e);
    } finally {
      busy = false;
      consumer.resume(consumer.assignment());
    }
    return acked;
  }

  private void updateLag() {
    long total = 0;
    for (TopicPartition tp : consumer.assignment()) {
      total += consumer.currentLag(tp).orElse(0);
    }
    lag.set(total);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "closing " + c, e);
    }
  }

  /** Completes once the consumer subscribed (or failed to). */
  CompletableFuture<Void> subscribed() {
    return subscribed;
  }

  /** Asks the loop to stop after the running job; completes when the consumer has closed. */
  CompletableFuture<Void> stop() {
    running = false;
    return stopped;
  }

  /** Newly assigned partitions stay paused while a job runs, so nothing is fetched early. */
  private final class PauseWhileBusy implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (busy) {
        consumer.pause(partitions);
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // offsets are committed per job, right after its events are acknowledged
    }
  }
}
