package io.lenscast.dashboard;

import io.lenscast.events.AblationEvent;
import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.lenscast.events.JobEvent;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.LayerEvent;
import io.lenscast.events.ResultEvent;
import io.lenscast.events.StatusEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The dashboard's memory of jobs, fed by the topics, bounded to the newest {@code maxJobs} jobs
 * and to about {@code maxStoredBytes} of events (a LLaVA-7B job's 33 layer events alone are
 * ~5 MB in memory); the oldest jobs go first, never the one just updated.
 * Not thread-safe: the dashboard verticle touches it only from its own event loop.
 */
final class JobStore {
  private final int maxJobs;
  private final long maxStoredBytes;
  private final LongSupplier clock;
  /** Written on the event loop, read by the metrics scrape. */
  private volatile long storedBytes;
  private final LinkedHashMap<String, StoredJob> jobs = new LinkedHashMap<>();
  private final LinkedHashMap<String, String> aggregates = new LinkedHashMap<>();

  JobStore(int maxJobs, long maxStoredBytes, LongSupplier clock) {
    this.maxJobs = maxJobs;
    this.maxStoredBytes = maxStoredBytes;
    this.clock = clock;
  }

  /** About how much memory the stored jobs take (see {@link StoredJob#storedBytes()}). */
  long storedBytes() {
    return storedBytes;
  }

  /**
   * Records one event; returns the job's stored state when the event was new, empty when it was
   * a duplicate (a redelivered layer, a second result) and was dropped. The job event is kept
   * without its inline image bytes.
   */
  Optional<StoredJob> record(Event event, String json) {
    if (event.jobId() == null || event.jobId().isBlank()) {
      return Optional.empty();
    }
    StoredJob job = jobFor(event.jobId());
    long before = job.storedBytes();
    return fresh(job, apply(job, event, json), before);
  }

  /** A layer event, known by its header only (its top-k is forwarded, never bound). */
  Optional<StoredJob> recordLayer(LayerHeader layer, String json) {
    StoredJob job = jobFor(layer.jobId());
    long before = job.storedBytes();
    return fresh(job, job.addLayer(layer, json), before);
  }

  /** Stores a job's display crop (counted in the memory bound). */
  void crop(StoredJob job, CropPreview crop) {
    long before = job.storedBytes();
    job.crop(crop);
    grown(job, before);
  }

  private StoredJob jobFor(String jobId) {
    StoredJob job = jobs.get(jobId);
    if (job == null) {
      job = new StoredJob(jobId);
      jobs.put(jobId, job);
      evictOldest();
    }
    return job;
  }

  private Optional<StoredJob> fresh(StoredJob job, boolean isNew, long bytesBefore) {
    if (!isNew) {
      return Optional.empty();
    }
    grown(job, bytesBefore);
    job.touch(clock.getAsLong());
    return Optional.of(job);
  }

  private static boolean apply(StoredJob job, Event event, String json) {
    if (event instanceof JobEvent j) {
      JobEvent stripped = withoutImageBytes(j);
      return job.setJob(stripped, stripped == j ? json : EventCodec.toJson(stripped));
    } else if (event instanceof LayerEvent l) {
      return job.addLayer(new LayerHeader(l.jobId(), l.layer(), l.numLayers()), json);
    } else if (event instanceof AblationEvent a) {
      return job.addAblation(a, json);
    } else if (event instanceof KnockoutEvent k) {
      return job.addKnockout(k, json);
    } else if (event instanceof ResultEvent) {
      return job.setResult(json);
    } else if (event instanceof StatusEvent s) {
      return job.setStatus(s, json);
    }
    return false;
  }

  Optional<StoredJob> job(String jobId) {
    return Optional.ofNullable(jobs.get(jobId));
  }

  /** Newest first. */
  List<JobSummary> summaries() {
    List<JobSummary> out = new ArrayList<>(jobs.size());
    jobs.values().forEach(j -> out.add(j.summary()));
    Collections.reverse(out);
    return out;
  }

  /** Keeps the newest aggregate value per key (experiment or tag). */
  void recordAggregate(String key, String json) {
    aggregates.remove(key);
    aggregates.put(key, json);
  }

  /** Key (experiment or tag) to the newest aggregate JSON, oldest key first. */
  Map<String, String> aggregates() {
    return new LinkedHashMap<>(aggregates);
  }

  private void grown(StoredJob job, long bytesBefore) {
    storedBytes += job.storedBytes() - bytesBefore;
    Iterator<StoredJob> it = jobs.values().iterator();
    while (storedBytes > maxStoredBytes && it.hasNext()) {
      StoredJob oldest = it.next();
      if (oldest != job) {
        storedBytes -= oldest.storedBytes();
        it.remove();
      }
    }
  }

  private void evictOldest() {
    Iterator<StoredJob> it = jobs.values().iterator();
    while (jobs.size() > maxJobs && it.hasNext()) {
      storedBytes -= it.next().storedBytes();
      it.remove();
    }
  }

  private static JobEvent withoutImageBytes(JobEvent j) {
    if (j.image() == null || j.image().base64() == null) {
      return j;
    }
    return new JobEvent(j.schema(), j.version(), j.jobId(),
        new JobEvent.ImageRef(null, j.image().path(), j.image().name()), j.prompt(), j.task(),
        j.className(), j.question(), j.objects(), j.analyses(), j.model(), j.experiment(),
        j.tag(), j.submittedAtMs());
  }
}
