package io.lenscast.job;

import io.lenscast.events.EventSink;
import io.lenscast.events.JobEvent;

/**
 * Runs one job in process: decodes the image, runs the model with the requested analyses, and
 * emits {@code lenscast.layer} events (one per layer, in order, as computed), ablation and
 * knockout events, and the {@code lenscast.result} event last. Used by {@code ./lenscast
 * analyze} (sink = JSONL) and by the worker verticle (sink = Kafka). Status events are the
 * caller's business.
 */
public interface JobProcessor extends AutoCloseable {
  /**
   * @param job the decoded job; its {@code jobId} is set
   * @param imageBytes the encoded image (PNG, JPEG, ...), already resolved from base64 or path
   * @throws JobFailedException for a job that cannot be run (bad image, bad prompt, ...)
   */
  void process(JobEvent job, byte[] imageBytes, EventSink sink) throws JobFailedException;

  @Override
  void close();
}
