package io.lenscast.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenscast.events.Event;
import io.lenscast.events.EventCodec;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventSchemasTest {
  private final EventSchemas schemas = new EventSchemas();

  @Test
  void everyEventTypeTheProjectWritesIsValid() {
    Set<String> seen = new HashSet<>();
    for (Event e : SampleEvents.all()) {
      JsonObject json = new JsonObject(EventCodec.toJson(e));
      assertEquals(List.of(), schemas.problems(json), json.encode());
      seen.add(e.schema());
    }
    assertEquals(Set.copyOf(schemas.names()), seen, "a sample of every schema");
  }

  @Test
  void wrongVersionIsInvalid() {
    JsonObject layer = new JsonObject(EventCodec.toJson(SampleEvents.all().get(1)));
    assertFalse(schemas.problems(layer.put("version", 2)).isEmpty());
  }

  @Test
  void jobWithoutPromptOrTaskIsInvalid() {
    JsonObject job = new JsonObject("""
        {"schema": "lenscast.job", "version": 1, "image": {"base64": "aGk="}}""");
    assertFalse(schemas.problems(job).isEmpty());
    assertTrue(schemas.problems(job.put("prompt", "USER: <image>\\nHi")).isEmpty());
  }

  @Test
  void jobWithBothBase64AndPathIsInvalid() {
    JsonObject job = new JsonObject("""
        {"schema": "lenscast.job", "version": 1, "task": "describe",
         "image": {"base64": "aGk=", "path": "a.png"}}""");
    assertFalse(schemas.problems(job).isEmpty());
  }

  @Test
  void failedStatusWithoutErrorIsInvalid() {
    JsonObject status = new JsonObject("""
        {"schema": "lenscast.status", "version": 1, "jobId": "j", "state": "failed"}""");
    assertFalse(schemas.problems(status).isEmpty());
  }

  @Test
  void unknownFieldsAreAllowed() {
    JsonObject layer = new JsonObject(EventCodec.toJson(SampleEvents.all().get(1)));
    assertEquals(List.of(), schemas.problems(layer.put("futureField", 1)));
  }

  @Test
  void unknownSchemaNameIsAProblem() {
    assertFalse(schemas.problems(new JsonObject().put("schema", "x")).isEmpty());
  }
}
