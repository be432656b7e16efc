package io.lenscast.schema;

import io.lenscast.events.Schemas;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates event JSON against the draft 2020-12 schemas bundled under {@code /schemas/} in the
 * shared module, choosing the schema by the event's own {@code "schema"} field. Thread-safe.
 */
public final class EventSchemas {
  private static final List<String> NAMES = List.of(Schemas.JOB, Schemas.LAYER,
      Schemas.ABLATION, Schemas.KNOCKOUT, Schemas.RESULT, Schemas.STATUS);
  private final Map<String, Validator> validators = new LinkedHashMap<>();

  public EventSchemas() {
    for (String name : NAMES) {
      JsonSchema schema = JsonSchema.of(new JsonObject(read("/schemas/" + name + ".v1.json")));
      validators.put(name, Validator.create(schema, new JsonSchemaOptions()
          .setDraft(Draft.DRAFT202012).setBaseUri("https://lenscast.io/schemas/")));
    }
  }

  /** The schema names this validator knows. */
  public List<String> names() {
    return NAMES;
  }

  /**
   * @return the problems, empty when {@code event} is valid against the schema its
   *     {@code "schema"} field names (an unknown schema name is a problem too)
   */
  public List<String> problems(JsonObject event) {
    Object name = event.getValue("schema");
    Validator validator = name instanceof String s ? validators.get(s) : null;
    if (validator == null) {
      return List.of("unknown schema '" + name + "'");
    }
    return problems(validator, event);
  }

  /** Problems of {@code event} against the named schema, whatever its own field says. */
  public List<String> problems(String schemaName, JsonObject event) {
    Validator validator = validators.get(schemaName);
    if (validator == null) {
      throw new IllegalArgumentException("no schema " + schemaName);
    }
    return problems(validator, event);
  }

  private static List<String> problems(Validator validator, JsonObject event) {
    OutputUnit out = validator.validate(event);
    if (Boolean.TRUE.equals(out.getValid())) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    collect(out, problems);
    if (problems.isEmpty()) {
      problems.add(String.valueOf(out.getError()));
    }
    return problems;
  }

  private static void collect(OutputUnit unit, List<String> into) {
    if (unit.getError() != null) {
      String where = unit.getInstanceLocation() == null || unit.getInstanceLocation().isEmpty()
          ? "(root)" : unit.getInstanceLocation();
      into.add(where + ": " + unit.getError());
    }
    if (unit.getErrors() != null) {
      unit.getErrors().forEach(e -> collect(e, into));
    }
  }

  private static String read(String resource) {
    try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema " + resource + " missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
