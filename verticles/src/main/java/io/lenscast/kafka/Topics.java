package io.lenscast.kafka;

import io.lenscast.config.KafkaSettings;
import io.lenscast.events.AblationEvent;
import io.lenscast.events.Event;
import io.lenscast.events.JobEvent;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.ResultEvent;
import io.lenscast.events.StatusEvent;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The typed registry of topic names from configuration: which topic an event type goes to, and
 * the full list to create. Nothing else in lenscast spells a topic name.
 */
public final class Topics {
  private final Map<Topic, String> names = new EnumMap<>(Topic.class);

  public Topics(KafkaSettings.TopicNames t) {
    names.put(Topic.JOBS, t.jobs());
    names.put(Topic.LAYERS, t.layers());
    names.put(Topic.ABLATIONS, t.ablations());
    names.put(Topic.KNOCKOUTS, t.knockouts());
    names.put(Topic.RESULTS, t.results());
    names.put(Topic.STATUS, t.status());
    names.put(Topic.AGGREGATES, t.aggregates());
    names.put(Topic.DLQ, t.dlq());
  }

  public String name(Topic topic) {
    return names.get(topic);
  }

  public String jobs() {
    return names.get(Topic.JOBS);
  }

  public String dlq() {
    return names.get(Topic.DLQ);
  }

  /** The topic an event of this type is published to. */
  public String forEvent(Event event) {
    Topic topic;
    if (event instanceof LayerEvent) {
      topic = Topic.LAYERS;
    } else if (event instanceof StatusEvent) {
      topic = Topic.STATUS;
    } else if (event instanceof AblationEvent) {
      topic = Topic.ABLATIONS;
    } else if (event instanceof KnockoutEvent) {
      topic = Topic.KNOCKOUTS;
    } else if (event instanceof ResultEvent) {
      topic = Topic.RESULTS;
    } else if (event instanceof JobEvent) {
      topic = Topic.JOBS;
    } else {
      throw new IllegalArgumentException("no topic for " + event.getClass().getSimpleName());
    }
    return names.get(topic);
  }

  /** The topics carrying a job's outputs, for consumers that follow jobs (dashboard). */
  public List<String> jobOutputs() {
    return List.of(name(Topic.LAYERS), name(Topic.ABLATIONS), name(Topic.KNOCKOUTS),
        name(Topic.RESULTS), name(Topic.STATUS));
  }

  public List<String> all() {
    return List.copyOf(names.values());
  }
}
