package io.lenscast.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lenscast.schema.EventSchemas;
import io.lenscast.testing.Jobs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JobIntakeTest {
  private static final EventSchemas SCHEMAS = new EventSchemas();
  private final JobIntake intake = new JobIntake(SCHEMAS, 1 << 20);

  private Intake decode(String key, String json) {
    return intake.decode(key, json.getBytes(StandardCharsets.UTF_8), "derived-id");
  }

  private Intake.Rejected rejected(String key, String json) {
    return assertInstanceOf(Intake.Rejected.class, decode(key, json));
  }

  @Test
  void validJobKeepsItsOwnJobId() {
    Intake.Accepted a = assertInstanceOf(Intake.Accepted.class,
        decode("other-key", Jobs.describe("job-7", "aGk=", null)));
    assertEquals("job-7", a.job().jobId());
  }

  @Test
  void jobWithoutIdTakesTheKeyElseTheDerivedId() {
    assertEquals("key-1", ((Intake.Accepted) decode("key-1", Jobs.describe(null, "aGk=", null)))
        .job().jobId());
    assertEquals("derived-id", ((Intake.Accepted) decode(null,
        Jobs.describe(null, "aGk=", null))).job().jobId());
  }

  @Test
  void notJsonIsMalformedAndKeepsTheKeyAsJobId() {
    Intake.Rejected r = rejected("k9", "{oops");
    assertEquals(ErrorCodes.MALFORMED, r.code());
    assertEquals("k9", r.jobId());
  }

  @Test
  void invalidUtf8IsMalformed() {
    Intake.Rejected r = assertInstanceOf(Intake.Rejected.class,
        intake.decode(null, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, "d"));
    assertEquals(ErrorCodes.MALFORMED, r.code());
    assertNull(r.jobId());
  }

  @Test
  void wrongVersionIsUnsupported() {
    String v2 = Jobs.describe("j1", "aGk=", null).replace("\"version\":1", "\"version\":2");
    assertEquals(ErrorCodes.UNSUPPORTED_VERSION, rejected(null, v2).code());
  }

  @Test
  void otherSchemaIsWrongSchema() {
    assertEquals(ErrorCodes.WRONG_SCHEMA,
        rejected(null, "{\"schema\":\"lenscast.layer\",\"version\":1,\"jobId\":\"j\"}").code());
  }

  @Test
  void schemaViolationIsBadJobWithTheLocation() {
    Intake.Rejected r = rejected(null, "{\"schema\":\"lenscast.job\",\"version\":1,"
        + "\"jobId\":\"j2\",\"image\":{\"base64\":\"aGk=\"},\"task\":\"dance\"}");
    assertEquals("bad_job", r.code());
    assertEquals("j2", r.jobId());
  }

  @Test
  void promptWithoutImageTokenIsBadPrompt() {
    Intake.Rejected r = rejected(null, Jobs.withPrompt("j3", "USER: what is this? ASSISTANT:"));
    assertEquals("bad_prompt", r.code());
    assertEquals("j3", r.jobId());
  }

  @Test
  void promptWithTwoImageTokensIsBadPrompt() {
    assertEquals("bad_prompt", rejected(null, Jobs.withPrompt("j4", "<image><image>")).code());
  }

  @Test
  void oversizedMessageIsRejectedBeforeParsing() {
    JobIntake small = new JobIntake(SCHEMAS, 10);
    Intake.Rejected r = assertInstanceOf(Intake.Rejected.class,
        small.decode("k", Jobs.describe("j").getBytes(StandardCharsets.UTF_8), "d"));
    assertEquals(ErrorCodes.TOO_LARGE, r.code());
  }

  @Test
  void unsafeJobIdIsRejected() {
    assertEquals("bad_job", rejected(null, Jobs.describe("../../etc", "aGk=", null)).code());
  }
}
