package io.lenscast.worker;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The jobId of a message that carries none: its key when that is a usable id, else a UUID
 * derived from where the message sits (topic, partition, offset), so a redelivery and every
 * other reader of the jobs topic (the aggregator) arrive at the same id.
 */
public final class JobIds {
  static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private JobIds() {}

  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  public static String derived(String topic, int partition, long offset) {
    return UUID.nameUUIDFromBytes((topic + "/" + partition + "/" + offset)
        .getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The id a job without its own gets: the key if valid, else the derived one. */
  public static String forMessage(String key, String topic, int partition, long offset) {
    return isValid(key) ? key : derived(topic, partition, offset);
  }
}
