package io.lenscast.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lenscast.text.PromptTemplates.Task;
import org.junit.jupiter.api.Test;

/** The paper's exact task prompts (PAPER.md, "Prompts (exact)"). */
class PromptTemplatesTest {
  @Test
  void buildsThePapersExactPrompts() throws Exception {
    assertEquals("USER: <image>\nDescribe this image. ASSISTANT:",
        PromptTemplates.forTask(Task.DESCRIBE, null, null));
    assertEquals("USER: <image>\nIs there a dog in this image? ASSISTANT:",
        PromptTemplates.forTask(Task.POLLING, "dog", null));
    assertEquals("USER: <image>\nWhat is the person holding? ASSISTANT: It is a",
        PromptTemplates.forTask(Task.VQA, "frisbee", "What is the person holding?"));
    assertEquals("USER: <image>\nDescribe the image. ASSISTANT:",
        PromptTemplates.forTask(Task.LENS, null, null));
    assertEquals(200, Task.DESCRIBE.paperNewTokens());
    assertEquals(10, Task.POLLING.paperNewTokens());
  }

  @Test
  void refusesTasksMissingTheirParameterAndUnknownTasks() {
    assertThrows(PromptRejectedException.class,
        () -> PromptTemplates.forTask(Task.POLLING, " ", null));
    assertThrows(PromptRejectedException.class,
        () -> PromptTemplates.forTask(Task.VQA, "cat", null));
    assertThrows(PromptRejectedException.class,
        () -> PromptTemplates.forTask(Task.POLLING, "<image>", null));
    assertThrows(PromptRejectedException.class, () -> Task.parse("caption"));
  }
}
