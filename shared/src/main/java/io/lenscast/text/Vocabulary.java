package io.lenscast.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Id to token-string lookup read from {@code tokenizer.json} (the BPE vocabulary plus the added
 * tokens), because the native tokenizer only decodes whole sequences and the logit lens needs
 * the raw vocabulary piece of every single id (e.g. {@code "▁cat"}, {@code "<0x0A>"}).
 */
public final class Vocabulary {
  private final String[] pieces;

  private Vocabulary(String[] pieces) {
    this.pieces = pieces;
  }

  static Vocabulary fromTokenizerJson(JsonNode root) {
    JsonNode vocab = root.path("model").path("vocab");
    if (!vocab.isObject()) {
      throw new IllegalArgumentException("tokenizer.json has no model.vocab object");
    }
    int size = 0;
    for (Iterator<JsonNode> it = vocab.elements(); it.hasNext(); ) {
      size = Math.max(size, it.next().asInt() + 1);
    }
    for (JsonNode added : root.path("added_tokens")) {
      size = Math.max(size, added.path("id").asInt() + 1);
    }
    String[] pieces = new String[size];
    for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      pieces[e.getValue().asInt()] = e.getKey();
    }
    for (JsonNode added : root.path("added_tokens")) {
      pieces[added.path("id").asInt()] = added.path("content").asText();
    }
    return new Vocabulary(pieces);
  }

  /** Ids 0..size-1 may have a piece; the model's vocabulary can be larger (padding rows). */
  public int size() {
    return pieces.length;
  }

  /**
   * The raw vocabulary piece of {@code id}; ids without one (the padding rows of a vocabulary
   * rounded up for the GPU, e.g. 32002..32063 in LLaVA-1.5) read {@code <id:N>}.
   */
  public String piece(int id) {
    if (id >= 0 && id < pieces.length && pieces[id] != null) {
      return pieces[id];
    }
    return "<id:" + id + ">";
  }

  /** The id of an exact piece, or -1. */
  public int idOf(String piece) {
    for (int i = 0; i < pieces.length; i++) {
      if (piece.equals(pieces[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The piece for people: SentencePiece's {@code ▁} as a space, byte tokens such as
   * {@code <0x0A>} as their character when printable ASCII or a newline/tab.
   */
  public String display(int id) {
    String piece = piece(id);
    if (piece.length() == 6 && piece.startsWith("<0x") && piece.endsWith(">")) {
      int b = Integer.parseInt(piece.substring(3, 5), 16);
      if (b == '\n' || b == '\t' || (b >= 0x20 && b < 0x7F)) {
        return String.valueOf((char) b);
      }
      return piece;
    }
    return piece.replace('\u2581', ' ');
  }
}
