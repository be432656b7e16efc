package io.lenscast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionParserTest {
  private OptionParser parser() {
    return new OptionParser("demo")
        .option("--model", "DIR", "model folder")
        .option("--top-k", "K", "top k")
        .repeatable("--ablate", "CONDITION", "condition")
        .flag("--json", "json output");
  }

  @Test
  void parsesSpaceAndEqualsFormsRepeatablesAndFlags() {
    ParsedOptions o = parser().parse(List.of("--model", "m", "--top-k=7", "--ablate", "a",
        "--ablate", "b", "--json"));
    assertEquals("m", o.get("--model"));
    assertEquals(7, o.intValue("--top-k", 5, 1, 100));
    assertEquals(List.of("a", "b"), o.getAll("--ablate"));
    assertTrue(o.has("--json"));
    assertFalse(parser().parse(List.of()).has("--json"));
    assertEquals(5, parser().parse(List.of()).intValue("--top-k", 5, 1, 100));
  }

  @Test
  void refusesUnknownMissingRepeatedAndOutOfRangeOptions() {
    assertThrows(UsageException.class, () -> parser().parse(List.of("--nope")));
    assertThrows(UsageException.class, () -> parser().parse(List.of("--model")));
    assertThrows(UsageException.class, () -> parser().parse(List.of("--model", "a", "--model",
        "b")));
    assertThrows(UsageException.class, () -> parser().parse(List.of("stray")));
    assertThrows(UsageException.class, () -> parser().parse(List.of("--json=1")));
    UsageException e = assertThrows(UsageException.class,
        () -> parser().parse(List.of("--top-k", "x")).intValue("--top-k", 5, 1, 100));
    assertTrue(e.getMessage().contains("integer"));
    assertThrows(UsageException.class,
        () -> parser().parse(List.of("--top-k", "0")).intValue("--top-k", 5, 1, 100));
    assertThrows(UsageException.class,
        () -> parser().parse(List.of()).exactlyOneOf("--model", "--json"));
    assertThrows(UsageException.class,
        () -> parser().parse(List.of("--model", "m", "--json")).exactlyOneOf("--model", "--json"));
  }

  @Test
  void acceptsPositionalArgumentsWhenDeclared() {
    ParsedOptions o = parser().positional().parse(List.of("a.png", "--json", "b.png"));
    assertEquals(List.of("a.png", "b.png"), o.positional());
  }
}
