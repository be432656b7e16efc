package io.lenscast.analysis.lens;

import java.util.Locale;

/**
 * Decides whether a lens top-1 token "names" the class. Strict: it is the class's first
 * sub-token (by id). Lenient: strict, or the token's text, with the word-boundary mark
 * ({@code ▁}/{@code Ġ}) removed and lower-cased, is a word-piece prefix of the class name
 * (lower-cased, spaces removed) at least {@code minPrefix} characters long: for "giraffe",
 * {@code ▁gir} and {@code gira} match, {@code ▁g} (1 char) and {@code ▁giraffes} do not. The
 * minimum keeps one-letter pieces such as the article "a" from matching "airplane".
 */
public record ClassTokenMatcher(String className, int firstTokenId, int minPrefix) {
  public static final int DEFAULT_MIN_PREFIX = 2;

  public ClassTokenMatcher(String className, int firstTokenId) {
    this(className, firstTokenId, DEFAULT_MIN_PREFIX);
  }

  public boolean strict(int tokenId) {
    return tokenId == firstTokenId;
  }

  public boolean lenient(int tokenId, String token) {
    if (strict(tokenId)) {
      return true;
    }
    if (token == null) {
      return false;
    }
    String piece = token.strip().replaceAll("^[Ġ▁]+", "").toLowerCase(Locale.ROOT);
    String name = className.toLowerCase(Locale.ROOT).replace(" ", "");
    return piece.length() >= Math.min(minPrefix, name.length()) && !piece.isEmpty()
        && name.startsWith(piece);
  }
}
