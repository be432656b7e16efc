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
  /** The same layers as {@link CompactLayerFrame}s (the full event where it could not be made). */
  private final TreeMap<Integer, String> compactLayers = new TreeMap<>();
  private final Map<String, String> ablations = new LinkedHashMap<>();
  private final Map<String, String> knockouts = new LinkedHashMap<>();
  private String resultJson;
  private String statusJson;
  private StatusEvent status;
  private int numLayers;
  private CropPreview crop;
  private long updatedAtMs;

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
    this.crop = crop;
  }

  boolean setJob(JobEvent event, String json) {
    if (job != null) {
      return false;
    }
    job = event;
    jobJson = json;
    return true;
  }

  boolean addLayer(LayerHeader layer, String json, String compactJson) {
    numLayers = Math.max(numLayers, layer.numLayers());
    if (layers.putIfAbsent(layer.layer(), json) != null) {
      return false;
    }
    compactLayers.put(layer.layer(), compactJson);
    return true;
  }

  boolean addAblation(AblationEvent event, String json) {
    return ablations.putIfAbsent(event.condition(), json) == null;
  }

  boolean addKnockout(KnockoutEvent event, String json) {
    String key = event.edgeSet() + "|" + event.window() + "|"
        + (event.layers() == null ? "" : event.layers()[0] + "-" + event.layers()[1]);
    return knockouts.putIfAbsent(key, json) == null;
  }

  boolean setResult(String json) {
    if (resultJson != null) {
      return false;
    }
    resultJson = json;
    return true;
  }

  /** Keeps the newest status; a finished job stays finished when an old status is redelivered. */
  boolean setStatus(StatusEvent event, String json) {
    if (status != null && isTerminal(status.state()) && !isTerminal(event.state())) {
      return false;
    }
    status = event;
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

  /** As {@link #events()}, with the layers as compact frames when {@code compactLayers}. */
  List<String> events(boolean compact) {
    List<String> out = new ArrayList<>(layers.size() + 8);
    if (jobJson != null) {
      out.add(jobJson);
    }
    out.addAll(compact ? compactLayers.values() : layers.values());
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
