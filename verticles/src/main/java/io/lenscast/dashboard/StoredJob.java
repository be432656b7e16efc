package io.lenscast.dashboard;

import io.lenscast.events.AblationEvent;
import io.lenscast.events.JobEvent;
import io.lenscast.events.KnockoutEvent;
import io.lenscast.events.StatusEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the dashboard remembers of one job: its events as received (JSON, ready to replay),
 * de-duplicated by what identifies them (a layer by its index, an ablation by its condition, a
 * knockout by edge set and window), only the latest status, and the display crop.
 */
final class StoredJob {
  private final String jobId;
  private String jobJson;
  private JobEvent job;
  private final TreeMap<Integer, String> layers = new TreeMap<>();
  private final Map<String, String> ablations = new LinkedHashMap<>();
  private final Map<String, String> knockouts = new LinkedHashMap<>();
  private String resultJson;
  private String statusJson;
  private StatusEvent status;
  private int numLayers;
  private CropPreview crop;
  private long updatedAtMs;
  private long storedBytes;

  StoredJob(String jobId) {
    this.jobId = jobId;
  }

  String jobId() {
    return jobId;
  }

  JobEvent job() {
    return job;
  }

  /** The job event as stored (without inline image bytes), or null before it arrived. */
  String jobJson() {
    return jobJson;
  }

  CropPreview crop() {
    return crop;
  }

  void crop(CropPreview crop) {
    storedBytes += crop.jpeg().length - (this.crop == null ? 0 : this.crop.jpeg().length);
    this.crop = crop;
  }

  /**
   * About how much memory the stored events and crop take: the JSON's length in UTF-16 (what a
   * Java string of non-Latin-1 text costs) plus the JPEG.
   */
  long storedBytes() {
    return storedBytes;
  }

  private void stored(String added, String replaced) {
    storedBytes += 2L * ((added == null ? 0 : added.length())
        - (replaced == null ? 0 : replaced.length()));
  }

  boolean setJob(JobEvent event, String json) {
    if (job != null) {
      return false;
    }
    job = event;
    stored(json, jobJson);
    jobJson = json;
    return true;
  }

  boolean addLayer(LayerHeader layer, String json) {
    numLayers = Math.max(numLayers, layer.numLayers());
    return keep(layers.putIfAbsent(layer.layer(), json) == null, json);
  }

  boolean addAblation(AblationEvent event, String json) {
    return keep(ablations.putIfAbsent(event.condition(), json) == null, json);
  }

  private boolean keep(boolean isNew, String json) {
    if (isNew) {
      stored(json, null);
    }
    return isNew;
  }

  boolean addKnockout(KnockoutEvent event, String json) {
    String key = event.edgeSet() + "|" + event.window() + "|"
        + (event.layers() == null ? "" : event.layers()[0] + "-" + event.layers()[1]);
    return keep(knockouts.putIfAbsent(key, json) == null, json);
  }

  boolean setResult(String json) {
    if (resultJson != null) {
      return false;
    }
    stored(json, resultJson);
    resultJson = json;
    return true;
  }

  /** Keeps the newest status; a finished job stays finished when an old status is redelivered. */
  boolean setStatus(StatusEvent event, String json) {
    if (status != null && isTerminal(status.state()) && !isTerminal(event.state())) {
      return false;
    }
    status = event;
    stored(json, statusJson);
    statusJson = json;
    return true;
  }

  void touch(long nowMs) {
    updatedAtMs = nowMs;
  }

  /** The stored events in replay order: job, layers by index, analyses, status, result. */
  List<String> events() {
    return events(false);
  }

  /**
   * As {@link #events()}, with the layers as {@link CompactLayerFrame}s when {@code compact}
   * (made again from the stored events: a replay is rare, memory is not).
   */
  List<String> events(boolean compact) {
    List<String> out = new ArrayList<>(layers.size() + 8);
    if (jobJson != null) {
      out.add(jobJson);
    }
    for (String layer : layers.values()) {
      out.add(compact ? CompactLayerFrame.of(layer).orElse(layer) : layer);
    }
    out.addAll(ablations.values());
    out.addAll(knockouts.values());
    if (statusJson != null) {
      out.add(statusJson);
    }
    if (resultJson != null) {
      out.add(resultJson);
    }
    return out;
  }

  JobSummary summary() {
    String state = status == null ? JobSummary.SUBMITTED : status.state();
    int done = layers.size();
    int total = numLayers;
    if (status != null && status.progress() != null) {
      done = Math.max(done, status.progress().done());
      total = Math.max(total, status.progress().total());
    }
    StatusEvent.Error error = status == null ? null : status.error();
    JobEvent j = job;
    return new JobSummary(
        jobId, state, done, total,
        j == null ? null : JobEvent.Analyses.wantLens(j.analyses()),
        j == null ? null : j.tag(),
        j == null ? null : j.experiment(),
        j == null ? null : j.task(),
        j == null ? null : j.prompt(),
        j == null ? null : j.className(),
        j == null ? null : j.model(),
        j == null || j.image() == null ? null : j.image().name(),
        crop != null,
        error == null ? null : error.code(),
        error == null ? null : error.message(),
        j == null ? null : j.submittedAtMs(),
        updatedAtMs);
  }

  private static boolean isTerminal(String state) {
    return StatusEvent.COMPLETED.equals(state) || StatusEvent.FAILED.equals(state);
  }
}
