package io.lenscast.testing;

import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.ResultEvent;
import io.lenscast.events.StatusEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Decoding and querying the events a test collected. */
public final class Events {
  private Events() {}

  public static Event decode(ConsumerRecord<String, byte[]> r) {
    try {
      return EventCodec.parse(new String(r.value(), StandardCharsets.UTF_8));
    } catch (EventCodec.MalformedEventException e) {
      throw new AssertionError("not an event on " + r.topic() + ": " + e.getMessage());
    }
  }

  /** The job's records on the event topics (the DLQ carries raw job bytes, not events). */
  private static java.util.stream.Stream<ConsumerRecord<String, byte[]>> ofJob(
      List<ConsumerRecord<String, byte[]>> rs, String jobId) {
    return rs.stream().filter(r -> jobId.equals(r.key()) && !r.topic().endsWith(".dlq"));
  }

  public static List<StatusEvent> statuses(List<ConsumerRecord<String, byte[]>> rs,
      String jobId) {
    return ofJob(rs, jobId).map(Events::decode)
        .filter(StatusEvent.class::isInstance).map(StatusEvent.class::cast).toList();
  }

  public static Optional<StatusEvent> finalStatus(List<ConsumerRecord<String, byte[]>> rs,
      String jobId) {
    return statuses(rs, jobId).stream().filter(s -> s.state().equals(StatusEvent.COMPLETED)
        || s.state().equals(StatusEvent.FAILED)).findFirst();
  }

  public static boolean finished(List<ConsumerRecord<String, byte[]>> rs, String jobId) {
    return finalStatus(rs, jobId).isPresent();
  }

  public static List<LayerEvent> layers(List<ConsumerRecord<String, byte[]>> rs, String jobId) {
    return ofJob(rs, jobId).map(Events::decode)
        .filter(LayerEvent.class::isInstance).map(LayerEvent.class::cast).toList();
  }

  public static List<ResultEvent> results(List<ConsumerRecord<String, byte[]>> rs,
      String jobId) {
    return ofJob(rs, jobId).map(Events::decode)
        .filter(ResultEvent.class::isInstance).map(ResultEvent.class::cast).toList();
  }
}
