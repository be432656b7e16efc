package io.lenscast.worker;

import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.lenscast.events.EventSink;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.StatusEvent;
import io.lenscast.kafka.Topics;
import io.lenscast.metrics.LenscastMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The sink of one job on the worker: sends each event to its topic, keyed by jobId, the moment
 * it is emitted (layer events stream during the forward), adds a {@code running} status with
 * progress after every layer (or after every run of a job without the lens), and remembers every send so the job's offset is committed only
 * after {@link #awaitAcks} saw all of them acknowledged.
 */
final class JobEventPublisher implements EventSink {
  private final Producer<String, byte[]> producer;
  private final Topics topics;
  private final LenscastMetrics metrics;
  private final String workerId;
  private final List<Future<RecordMetadata>> sends = new ArrayList<>();

  JobEventPublisher(Producer<String, byte[]> producer, Topics topics, LenscastMetrics metrics,
      String workerId) {
    this.producer = producer;
    this.topics = topics;
    this.metrics = metrics;
    this.workerId = workerId;
  }

  @Override
  public synchronized void emit(Event event) {
    send(topics.forEvent(event), event.jobId(), EventCodec.toBytes(event), new RecordHeaders());
    if (event instanceof LayerEvent layer) {
      status(layer.jobId(), StatusEvent.RUNNING,
          new StatusEvent.Progress(layer.layer() + 1, layer.numLayers()), null);
    }
  }

  @Override
  public void progress(String jobId, int done, int total) {
    status(jobId, StatusEvent.RUNNING, new StatusEvent.Progress(done, total), null);
  }

  synchronized void status(String jobId, String state, StatusEvent.Progress progress,
      StatusEvent.Error error) {
    StatusEvent s = StatusEvent.of(jobId, state, progress, error, workerId);
    send(topics.forEvent(s), jobId, EventCodec.toBytes(s), new RecordHeaders());
  }

  synchronized void send(String topic, String key, byte[] value, RecordHeaders headers) {
    sends.add(producer.send(new ProducerRecord<>(topic, null, key, value, headers)));
    metrics.eventPublished(topic);
  }

  /** Waits until Kafka acknowledged every event sent so far; throws if any send failed. */
  void awaitAcks(Duration timeout) throws ExecutionException, TimeoutException,
      InterruptedException {
    List<Future<RecordMetadata>> pending;
    synchronized (this) {
      pending = List.copyOf(sends);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Future<RecordMetadata> f : pending) {
      f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
  }
}
