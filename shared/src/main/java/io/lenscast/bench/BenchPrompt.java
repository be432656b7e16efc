package io.lenscast.bench;

/**
 * The prompt every benchmark runs: the fixtures' p0 question in the LLaVA-1.5 chat template, 20
 * ids with BOS, so a 576-token image gives 595 positions. Synthetic models (no tokenizer) use
 * the ids the fixture tokenizer gives; a model folder tokenises the text itself.
 */
public final class BenchPrompt {
  public static final String TEXT = "USER: <image>\nWhat is shown in this image? ASSISTANT:";

  private static final int[] IDS = {1, 3148, 1001, 29901, 29871, 32000, 29871, 13, 5618, 338,
      4318, 297, 445, 1967, 29973, 319, 1799, 9047, 13566, 29901};

  private BenchPrompt() {}

  /** The fixture tokenizer's ids of {@link #TEXT} (image token 32000). */
  public static int[] ids() {
    return IDS.clone();
  }
}
