package io.lenscast.cli;

import io.lenscast.analysis.dataset.LabeledImage;
import io.lenscast.analysis.geometry.ObjectShape;
import io.lenscast.events.JobEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One image to publish, with what a dataset knows about it (class, objects, question); plain
 * files know nothing and take everything from the command line.
 */
record PublishItem(Path image, String className, List<JobEvent.ObjectAnnotation> objects,
    String question) {

  static PublishItem plain(Path image) {
    return new PublishItem(image, null, null, null);
  }

  /** A COCO image with its target class and objects (boxes and polygons; masks as boxes). */
  static PublishItem of(LabeledImage image) {
    List<JobEvent.ObjectAnnotation> objects = new ArrayList<>();
    for (ObjectShape s : image.objects()) {
      if (s.bbox() != null || !s.polygons().isEmpty()) {
        objects.add(new JobEvent.ObjectAnnotation(s.label(), s.bbox(),
            s.polygons().isEmpty() ? null : s.polygons()));
      }
    }
    return new PublishItem(image.path(), image.className(), objects.isEmpty() ? null : objects,
        image.question());
  }

  /** The job for this item: the template's options, filled in with what the item knows. */
  JobEvent job(JobEvent t, String jobId, String base64) {
    return new JobEvent(t.schema(), t.version(), jobId,
        new JobEvent.ImageRef(base64, null, image.getFileName().toString()), t.prompt(),
        t.task(), t.className() != null ? t.className() : className,
        t.question() != null ? t.question() : question,
        t.objects() != null ? t.objects() : objects, t.analyses(), t.model(), t.experiment(),
        t.tag(), System.currentTimeMillis());
  }
}
