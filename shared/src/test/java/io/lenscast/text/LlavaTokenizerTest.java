package io.lenscast.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.text.PromptRejectedException.Reason;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model folder's tokenizer against the ids in {@code tokenizer/prompt_ids.json}. */
class LlavaTokenizerTest {
  private static final Path MODEL = Path.of("fixtures/tiny-llava-a");
  private static LlavaTokenizer tokenizer;
  private static JsonNode expected;

  @BeforeAll
  static void load() throws Exception {
    tokenizer = LlavaTokenizer.load(MODEL, 32000, 64);
    expected = new ObjectMapper().readTree(Path.of("fixtures/tokenizer/prompt_ids.json").toFile());
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  @Test
  void encodesBothFixturePromptsToTheReferenceIdsWithBosAndOneImageToken() throws Exception {
    for (JsonNode p : expected.get("prompts")) {
      int[] want = new ObjectMapper().convertValue(p.get("input_ids"), int[].class);
      int[] ids = tokenizer.encodePrompt(p.get("prompt").asText());
      assertArrayEquals(want, ids, p.get("prompt").asText());
      assertEquals(1, ids[0]);
      assertEquals(32000, ids[5]);
      String[] tokens = new ObjectMapper().convertValue(p.get("tokens"), String[].class);
      assertArrayEquals(tokens, tokenizer.pieces(ids));
    }
  }

  @Test
  void chatTemplateOfTheFixtureQuestionGivesTheFixturePrompt() throws Exception {
    assertEquals(expected.get("prompts").get(0).get("prompt").asText(),
        PromptTemplates.chat("What is shown in this image?"));
  }

  @Test
  void encodesAnswerWordsWithoutSpecialTokens() {
    assertArrayEquals(new int[] {15043, 3186}, tokenizer.encode("Hello world", false));
    assertArrayEquals(new int[] {4874}, tokenizer.encode("yes", false));
    assertArrayEquals(new int[] {1, 15043, 3186}, tokenizer.encode("Hello world", true));
  }

  @Test
  void refusesPromptsWithoutOrWithSeveralImageMarkers() {
    PromptRejectedException none = assertThrows(PromptRejectedException.class,
        () -> tokenizer.encodePrompt("USER: hello ASSISTANT:"));
    assertEquals(Reason.BAD_PROMPT, none.reason());
    assertTrue(none.getMessage().contains("exactly once, found 0"), none.getMessage());
    PromptRejectedException two = assertThrows(PromptRejectedException.class,
        () -> tokenizer.encodePrompt("<image><image> hi"));
    assertTrue(two.getMessage().contains("found 2"), two.getMessage());
  }

  @Test
  void refusesPromptsOverTheTokenLimit() {
    PromptRejectedException e = assertThrows(PromptRejectedException.class,
        () -> tokenizer.encodePrompt(PromptTemplates.chat("word ".repeat(80))));
    assertEquals(Reason.TOO_LONG, e.reason());
    assertTrue(e.getMessage().contains("over the limit of 64"), e.getMessage());
  }

  @Test
  void decodesGeneratedIdsAndShowsTokens() {
    assertEquals("Hello world", tokenizer.decode(new int[] {15043, 3186}));
    assertEquals("Hello world", tokenizer.decode(new int[] {1, 15043, 3186, 2}));
    Vocabulary v = tokenizer.vocabulary();
    assertEquals("\u2581is", v.piece(338));
    assertEquals(" is", v.display(338));
    assertEquals("<0x0A>", v.piece(13));
    assertEquals("\n", v.display(13));
    assertEquals("<image>", v.piece(32000));
    assertEquals("<id:32050>", v.piece(32050));
    assertEquals(29871, v.idOf("\u2581"));
  }
}
