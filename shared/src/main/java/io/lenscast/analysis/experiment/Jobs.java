package io.lenscast.analysis.experiment;

import io.lenscast.analysis.dataset.LabeledImage;
import io.lenscast.analysis.geometry.ObjectShape;
import io.lenscast.events.Event;
import io.lenscast.events.JobEvent;
import io.lenscast.events.Schemas;
import io.lenscast.job.JobFailedException;
import io.lenscast.job.LlavaJobProcessor;
import java.util.ArrayList;
import java.util.List;

/** Builds the jobs of an experiment item and runs them, collecting their events. */
final class Jobs {
  private Jobs() {}

  static JobEvent job(String id, LabeledImage item, String task, String question,
      JobEvent.Analyses analyses) {
    return new JobEvent(Schemas.JOB, Event.VERSION, id, null, null, task, item.className(),
        question, objects(item.target()), analyses, null, "experiment", item.key(), null);
  }

  /** The target as a job annotation; null when it only has a crowd mask jobs cannot carry. */
  static List<JobEvent.ObjectAnnotation> objects(ObjectShape target) {
    if (target == null || (target.polygons().isEmpty() && target.bbox() == null)) {
      return null;
    }
    if (target.mask() != null) {
      return null;
    }
    return List.of(new JobEvent.ObjectAnnotation(target.label(), target.bbox(),
        target.polygons().isEmpty() ? null : target.polygons()));
  }

  static List<Event> run(LlavaJobProcessor processor, JobEvent job, byte[] image)
      throws JobFailedException {
    List<Event> events = new ArrayList<>();
    processor.process(job, image, events::add);
    return events;
  }

  static <T> List<T> only(List<Event> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
