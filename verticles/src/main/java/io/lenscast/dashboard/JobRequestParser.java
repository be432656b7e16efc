package io.lenscast.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lenscast.events.EventCodec;
import io.lenscast.events.Event;
import io.lenscast.events.JobEvent;
import io.lenscast.events.Schemas;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an upload (image bytes + the JSON options of the submit form) into the {@code
 * lenscast.job} the dashboard publishes, rejecting what the worker would reject anyway with a
 * one-line reason the form can show. Pure: no I/O.
 */
final class JobRequestParser {
  private static final Set<String> TASKS = Set.of("describe", "polling", "vqa");
  private static final Pattern IMAGE_TOKEN = Pattern.compile("<image>");

  /** Why an upload cannot become a job; the message is shown to the user as is. */
  static final class BadJobRequest extends Exception {
    BadJobRequest(String message) {
      super(message);
    }
  }

  JobEvent parse(byte[] image, String fileName, String optionsJson, long nowMs)
      throws BadJobRequest {
    if (image == null || image.length == 0) {
      throw new BadJobRequest("no image: attach an image file in the 'image' field");
    }
    ObjectNode options = options(optionsJson);
    options.put("schema", Schemas.JOB);
    options.put("version", Event.VERSION);
    options.remove("image");
    options.remove("jobId");
    JobEvent fields;
    try {
      fields = EventCodec.mapper().treeToValue(options, JobEvent.class);
    } catch (Exception e) {
      throw new BadJobRequest("options do not describe a job: " + firstLine(e.getMessage()));
    }
    checkPromptOrTask(fields);
    checkObjects(fields);
    String name = fileName == null || fileName.isBlank() ? null : fileName;
    return new JobEvent(Schemas.JOB, Event.VERSION, UUID.randomUUID().toString(),
        new JobEvent.ImageRef(Base64.getEncoder().encodeToString(image), null, name),
        blankToNull(fields.prompt()), blankToNull(fields.task()), blankToNull(fields.className()),
        blankToNull(fields.question()), fields.objects(), fields.analyses(),
        blankToNull(fields.model()), blankToNull(fields.experiment()), blankToNull(fields.tag()),
        nowMs);
  }

  private static ObjectNode options(String json) throws BadJobRequest {
    if (json == null || json.isBlank()) {
      return EventCodec.mapper().createObjectNode();
    }
    JsonNode node;
    try {
      node = EventCodec.mapper().readTree(json);
    } catch (Exception e) {
      throw new BadJobRequest("options are not JSON: " + firstLine(e.getMessage()));
    }
    if (node == null || !node.isObject()) {
      throw new BadJobRequest("options must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private static void checkPromptOrTask(JobEvent job) throws BadJobRequest {
    String prompt = blankToNull(job.prompt());
    String task = blankToNull(job.task());
    if ((prompt == null) == (task == null)) {
      throw new BadJobRequest("give exactly one of 'prompt' or 'task'");
    }
    if (prompt != null) {
      Matcher m = IMAGE_TOKEN.matcher(prompt);
      int count = 0;
      while (m.find()) {
        count++;
      }
      if (count != 1) {
        throw new BadJobRequest("the prompt must contain exactly one <image>, found " + count);
      }
    }
    if (task != null && !TASKS.contains(task)) {
      throw new BadJobRequest("unknown task '" + task + "' (describe, polling or vqa)");
    }
    if ("vqa".equals(task) && blankToNull(job.question()) == null) {
      throw new BadJobRequest("the vqa task needs a question");
    }
  }

  private static void checkObjects(JobEvent job) throws BadJobRequest {
    if (job.objects() == null) {
      return;
    }
    for (JobEvent.ObjectAnnotation o : job.objects()) {
      if (o.label() == null || o.label().isBlank()) {
        throw new BadJobRequest("every object needs a label");
      }
      double[] b = o.bbox();
      if (b != null && (b.length != 4 || b[2] <= 0 || b[3] <= 0)) {
        throw new BadJobRequest("object '" + o.label() + "': bbox must be [x, y, w, h] with w, h > 0");
      }
      if (b == null && (o.polygons() == null || o.polygons().isEmpty())) {
        throw new BadJobRequest("object '" + o.label() + "' needs a bbox or polygons");
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
