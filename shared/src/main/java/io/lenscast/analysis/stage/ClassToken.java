package io.lenscast.analysis.stage;

import io.lenscast.text.LlavaTokenizer;
import java.util.Locale;

/**
 * The class's first sub-token, as the answer after "It is a" would start: the first piece of
 * the lower-cased class name tokenised without special tokens (the legacy Llama tokenizer
 * prepends the word-boundary mark, giving e.g. {@code ▁cat}), skipping a bare {@code ▁} piece.
 * The reference takes {@code tokenize(class.lower())[0]}, the same piece.
 */
public record ClassToken(int id, String piece) {
  private static final String BOUNDARY = "▁";

  public static ClassToken of(LlavaTokenizer tokenizer, String className) {
    return first(tokenizer, className.toLowerCase(Locale.ROOT), false);
  }

  /**
   * The IG target: "Yes" without special tokens ({@code ▁Yes}), or with {@code reference} the
   * reference's {@code encode("Yes")[0]}, which is the BOS token (PAPER.md bug 1).
   */
  public static ClassToken yes(LlavaTokenizer tokenizer, boolean reference) {
    return first(tokenizer, "Yes", reference);
  }

  private static ClassToken first(LlavaTokenizer tokenizer, String text, boolean special) {
    int[] ids = tokenizer.encode(text, special);
    if (ids.length == 0) {
      throw new IllegalArgumentException("'" + text + "' tokenises to nothing");
    }
    for (int id : ids) {
      String piece = tokenizer.vocabulary().piece(id);
      if (special || !BOUNDARY.equals(piece)) {
        return new ClassToken(id, piece);
      }
    }
    return new ClassToken(ids[0], tokenizer.vocabulary().piece(ids[0]));
  }
}
