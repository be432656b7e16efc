package io.lenscast.worker;

import io.lenscast.events.JobEvent;
import io.lenscast.events.StatusEvent;
import io.lenscast.job.JobFailedException;
import io.lenscast.job.JobProcessor;
import io.lenscast.kafka.Topics;
import io.lenscast.metrics.LenscastMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Handles one message of the jobs topic from start to end: intake, {@code accepted}, image,
 * model, the processor's events streamed out, {@code completed} or {@code failed} last, DLQ for
 * anything unusable. Returns whether every event was acknowledged, which decides whether the
 * caller may commit the offset.
 */
final class JobHandler {
  static final String HEADER_CODE = "lenscast.error.code";
  static final String HEADER_MESSAGE = "lenscast.error.message";
  static final String HEADER_JOB_ID = "lenscast.error.jobId";
  static final String HEADER_SOURCE = "lenscast.error.source";
  private static final Logger LOG = Logger.getLogger(JobHandler.class.getName());

  private final JobIntake intake;
  private final ImageResolver images;
  private final ModelRegistry models;
  private final Producer<String, byte[]> producer;
  private final Topics topics;
  private final LenscastMetrics metrics;
  private final String workerId;
  private final Duration ackTimeout;

  JobHandler(JobIntake intake, ImageResolver images, ModelRegistry models,
      Producer<String, byte[]> producer, Topics topics, LenscastMetrics metrics, String workerId,
      Duration ackTimeout) {
    this.intake = intake;
    this.images = images;
    this.models = models;
    this.producer = producer;
    this.topics = topics;
    this.metrics = metrics;
    this.workerId = workerId;
    this.ackTimeout = ackTimeout;
  }

  /** @return true when all of the job's events (and DLQ entry) are acknowledged */
  boolean handle(ConsumerRecord<String, byte[]> record) {
    metrics.jobConsumed();
    JobEventPublisher out = new JobEventPublisher(producer, topics, metrics, workerId);
    String derivedId = JobIds.derived(record.topic(), record.partition(), record.offset());
    Intake decoded = metrics.stage("intake").record(
        () -> intake.decode(record.key(), record.value(), derivedId));
    if (decoded instanceof Intake.Rejected r) {
      fail(out, record, r.jobId(), r.code(), r.message());
    } else {
      run(out, record, ((Intake.Accepted) decoded).job());
    }
    try {
      metrics.stage("ack").recordCallable(() -> {
        out.awaitAcks(ackTimeout);
        return null;
      });
      return true;
    } catch (Exception e) {
      LOG.log(Level.WARNING, "events of the message at " + where(record)
          + " were not acknowledged; it will be processed again: " + e);
      return false;
    }
  }

  private void run(JobEventPublisher out, ConsumerRecord<String, byte[]> record, JobEvent job) {
    out.status(job.jobId(), StatusEvent.ACCEPTED, null, null);
    metrics.inflight().incrementAndGet();
    try {
      byte[] bytes = images.resolve(job.image());
      JobProcessor processor = models.processorFor(job.model());
      out.status(job.jobId(), StatusEvent.RUNNING, null, null);
      long start = System.nanoTime();
      processor.process(job, bytes, out);
      metrics.stage("process").record(Duration.ofNanos(System.nanoTime() - start));
      out.status(job.jobId(), StatusEvent.COMPLETED, null, null);
      metrics.jobCompleted();
    } catch (JobFailedException e) {
      fail(out, record, job.jobId(), e.code(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "job " + job.jobId() + " crashed the processor", e);
      fail(out, record, job.jobId(), JobFailedException.INTERNAL,
          "internal error: " + e.getClass().getSimpleName());
    } finally {
      metrics.inflight().decrementAndGet();
    }
  }

  private void fail(JobEventPublisher out, ConsumerRecord<String, byte[]> record, String jobId,
      String code, String message) {
    String oneLine = message == null ? code : message.replace('\n', ' ');
    RecordHeaders headers = new RecordHeaders();
    record.headers().forEach(headers::add);
    headers.add(HEADER_CODE, code.getBytes(StandardCharsets.UTF_8));
    headers.add(HEADER_MESSAGE, oneLine.getBytes(StandardCharsets.UTF_8));
    headers.add(HEADER_SOURCE, where(record).getBytes(StandardCharsets.UTF_8));
    if (jobId != null) {
      headers.add(HEADER_JOB_ID, jobId.getBytes(StandardCharsets.UTF_8));
    }
    out.send(topics.dlq(), record.key(), record.value(), headers);
    if (jobId != null) {
      out.status(jobId, StatusEvent.FAILED, null, new StatusEvent.Error(code, oneLine));
    }
    metrics.jobFailed(code);
  }

  private static String where(ConsumerRecord<?, ?> r) {
    return r.topic() + "/" + r.partition() + "@" + r.offset();
  }
}
