package io.lenscast.analysis.scoring;

/**
 * The paper's three tasks with their exact prompts (PAPER.md) and how long they decode:
 * {@code describe} (generative, greedy 200 tokens), {@code polling} (greedy 10 tokens) and
 * {@code vqa} (one forward, the argmax at the last position after "It is a").
 */
public enum Task {
  DESCRIBE("describe", 200),
  POLLING("polling", 10),
  VQA("vqa", 0);

  /** The logit-lens prompt of the paper's Experiment B. */
  public static final String LENS_PROMPT = "USER: <image>\nDescribe the image. ASSISTANT:";

  private final String id;
  private final int maxNewTokens;

  Task(String id, int maxNewTokens) {
    this.id = id;
    this.maxNewTokens = maxNewTokens;
  }

  /** The name used on the command line and in events. */
  public String id() {
    return id;
  }

  /** Greedy new tokens to generate; 0 means one forward and the argmax next token. */
  public int maxNewTokens() {
    return maxNewTokens;
  }

  public boolean generates() {
    return maxNewTokens > 0;
  }

  public static Task of(String id) {
    for (Task t : values()) {
      if (t.id.equals(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown task '" + id + "' (describe, polling or vqa)");
  }

  /**
   * The exact prompt.
   *
   * @throws IllegalArgumentException when polling has no class or VQA no question
   */
  public String prompt(String className, String question) {
    return switch (this) {
      case DESCRIBE -> "USER: <image>\nDescribe this image. ASSISTANT:";
      case POLLING -> "USER: <image>\nIs there a " + require(className, "--class")
          + " in this image? ASSISTANT:";
      case VQA -> "USER: <image>\n" + require(question, "--question") + " ASSISTANT: It is a";
    };
  }

  private String require(String value, String flag) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("task " + id + " needs " + flag);
    }
    return value;
  }
}
