package io.lenscast.text;

import io.lenscast.text.PromptRejectedException.Reason;
import java.util.Locale;

/**
 * The LLaVA-1.5 chat template and the paper's exact task prompts (Neo et al. 2025, from the
 * reference code): a job names a task, this turns it into the text the model sees and says how
 * the task is meant to be answered.
 */
public final class PromptTemplates {
  /** The image marker of LLaVA-1.5 checkpoints. */
  public static final String IMAGE = "<image>";

  private PromptTemplates() {}

  /** The paper's tasks. */
  public enum Task {
    /** Generative: describe the image, greedy, 200 new tokens. */
    DESCRIBE("describe", 200),
    /** Polling: "Is there a {class} in this image?", greedy, 10 new tokens. */
    POLLING("polling", 10),
    /** VQA: the question, answer primed with "It is a", argmax of one forward. */
    VQA("vqa", 0),
    /** The prompt of the paper's logit-lens experiment. */
    LENS("lens", 0);

    private final String id;
    private final int paperNewTokens;

    Task(String id, int paperNewTokens) {
      this.id = id;
      this.paperNewTokens = paperNewTokens;
    }

    public String id() {
      return id;
    }

    /** New tokens the paper generates for this task (0 = scored from one forward pass). */
    public int paperNewTokens() {
      return paperNewTokens;
    }

    public static Task parse(String name) throws PromptRejectedException {
      for (Task t : values()) {
        if (t.id.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
          return t;
        }
      }
      throw new PromptRejectedException(Reason.BAD_PROMPT,
          "unknown task '" + name + "' (expected describe, polling, vqa or lens)");
    }
  }

  /** {@code USER: <image>\n{text} ASSISTANT:} */
  public static String chat(String text) {
    return "USER: " + IMAGE + "\n" + text + " ASSISTANT:";
  }

  /** The prompt of {@code task}; polling needs {@code className}, vqa needs {@code question}. */
  public static String forTask(Task task, String className, String question)
      throws PromptRejectedException {
    return switch (task) {
      case DESCRIBE -> chat("Describe this image.");
      case POLLING -> chat("Is there a " + required(className, "polling", "a class name")
          + " in this image?");
      case VQA -> chat(required(question, "vqa", "a question")) + " It is a";
      case LENS -> chat("Describe the image.");
    };
  }

  private static String required(String value, String task, String what)
      throws PromptRejectedException {
    if (value == null || value.isBlank()) {
      throw new PromptRejectedException(Reason.BAD_PROMPT, "task " + task + " needs " + what);
    }
    if (value.contains(IMAGE)) {
      throw new PromptRejectedException(Reason.BAD_PROMPT,
          "task " + task + ": " + what + " must not contain " + IMAGE);
    }
    return value.strip();
  }
}
