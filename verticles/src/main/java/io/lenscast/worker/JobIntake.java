package io.lenscast.worker;

import io.lenscast.events.EventCodec;
import io.lenscast.events.JobEvent;
import io.lenscast.events.Schemas;
import io.lenscast.job.JobFailedException;
import io.lenscast.schema.EventSchemas;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the raw bytes of a jobs-topic message into a {@link JobEvent}, or a rejection with a
 * code: UTF-8 and JSON checks, schema name and version, JSON Schema validation, decoding, the
 * jobId (given, else the message key, else derived from where the message sits so that a
 * redelivery gets the same id), and the {@code <image>} rule for user prompts. Pure: no I/O.
 */
public final class JobIntake {
  private static final Pattern JOB_ID = JobIds.VALID;
  private static final String IMAGE_TOKEN = "<image>";
  private final EventSchemas schemas;
  private final long maxMessageBytes;

  public JobIntake(EventSchemas schemas, long maxMessageBytes) {
    this.schemas = schemas;
    this.maxMessageBytes = maxMessageBytes;
  }

  /**
   * @param key the message key (may be null)
   * @param value the message bytes
   * @param derivedJobId the id to use when neither the job nor the key carries a usable one
   */
  public Intake decode(String key, byte[] value, String derivedJobId) {
    String keyId = key != null && JOB_ID.matcher(key).matches() ? key : null;
    if (value == null || value.length == 0) {
      return new Intake.Rejected(ErrorCodes.MALFORMED, "empty message", keyId);
    }
    if (value.length > maxMessageBytes) {
      return new Intake.Rejected(ErrorCodes.TOO_LARGE, "message of " + value.length
          + " bytes exceeds the limit of " + maxMessageBytes, keyId);
    }
    JsonObject json;
    try {
      json = new JsonObject(utf8(value));
    } catch (CharacterCodingException e) {
      return new Intake.Rejected(ErrorCodes.MALFORMED, "message is not UTF-8", keyId);
    } catch (DecodeException | ClassCastException e) {
      return new Intake.Rejected(ErrorCodes.MALFORMED, "message is not a JSON object: "
          + firstLine(e.getMessage()), keyId);
    }
    Object rawId = json.getValue("jobId");
    String jobId = rawId instanceof String s && JOB_ID.matcher(s).matches() ? s : keyId;
    if (rawId != null && !(rawId instanceof String s2 && JOB_ID.matcher(s2).matches())) {
      return new Intake.Rejected(JobFailedException.BAD_JOB,
          "jobId must be 1-128 characters of A-Z a-z 0-9 . _ : -", keyId);
    }
    if (!Schemas.JOB.equals(json.getValue("schema"))) {
      return new Intake.Rejected(ErrorCodes.WRONG_SCHEMA, "schema must be '" + Schemas.JOB
          + "', got '" + json.getValue("schema") + "'", jobId);
    }
    if (!Integer.valueOf(1).equals(json.getValue("version"))) {
      return new Intake.Rejected(ErrorCodes.UNSUPPORTED_VERSION, "version "
          + json.getValue("version") + " of " + Schemas.JOB + " is not supported (expected 1)",
          jobId);
    }
    List<String> problems = schemas.problems(Schemas.JOB, json);
    if (!problems.isEmpty()) {
      return new Intake.Rejected(JobFailedException.BAD_JOB, "job does not match "
          + Schemas.JOB + " v1: " + String.join("; ", problems.subList(0,
              Math.min(3, problems.size()))), jobId);
    }
    JobEvent job;
    try {
      job = EventCodec.mapper().readValue(value, JobEvent.class);
    } catch (java.io.IOException e) {
      return new Intake.Rejected(JobFailedException.BAD_JOB, "cannot decode job: "
          + firstLine(e.getMessage()), jobId);
    }
    String id = jobId != null ? jobId : derivedJobId;
    if (job.prompt() != null && count(job.prompt(), IMAGE_TOKEN) != 1) {
      return new Intake.Rejected(JobFailedException.BAD_PROMPT,
          "prompt must contain exactly one " + IMAGE_TOKEN + " (found "
              + count(job.prompt(), IMAGE_TOKEN) + ")", id);
    }
    return new Intake.Accepted(withJobId(job, id));
  }

  private static JobEvent withJobId(JobEvent j, String id) {
    return new JobEvent(j.schema(), j.version(), id, j.image(), j.prompt(), j.task(),
        j.className(), j.question(), j.objects(), j.analyses(), j.model(), j.experiment(),
        j.tag(), j.submittedAtMs());
  }

  private static int count(String text, String token) {
    int n = 0;
    for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
      n++;
    }
    return n;
  }

  private static String utf8(byte[] value) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(value)).toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
