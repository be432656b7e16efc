package io.lenscast.dashboard;

import io.lenscast.events.EventCodec;
import io.lenscast.events.JobEvent;
import io.vertx.core.Future;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;

/** Publishes uploaded jobs to the jobs topic, keyed by jobId, completing once Kafka acked. */
final class JobPublisher {
  private final KafkaProducer<String, String> producer;
  private final String topic;

  JobPublisher(KafkaProducer<String, String> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  Future<String> publish(JobEvent job) {
    return producer.send(KafkaProducerRecord.create(topic, job.jobId(), EventCodec.toJson(job)))
        .map(metadata -> job.jobId());
  }

  Future<Void> close() {
    return producer.close();
  }
}
