package io.lenscast.analysis.plan;

import io.lenscast.analysis.geometry.ObjectShape;
import io.lenscast.events.JobEvent;
import io.lenscast.events.JobEvent.ObjectAnnotation;
import java.util.List;

/**
 * Picks the object a job's object-based analyses are about: the annotation labelled with the
 * job's class, else the first annotation; null when the job has none.
 */
public final class TargetObject {
  private TargetObject() {}

  /**
   * @throws IllegalArgumentException for an annotation with neither box nor polygon
   */
  public static ObjectShape of(JobEvent job) {
    List<ObjectAnnotation> objects = job.objects();
    if (objects == null || objects.isEmpty()) {
      return null;
    }
    ObjectAnnotation chosen = objects.get(0);
    for (ObjectAnnotation a : objects) {
      if (job.className() != null && job.className().equals(a.label())) {
        chosen = a;
        break;
      }
    }
    return new ObjectShape(chosen.label(), chosen.bbox(), chosen.polygons(), null);
  }
}
