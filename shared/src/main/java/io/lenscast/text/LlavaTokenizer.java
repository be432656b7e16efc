package io.lenscast.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.text.PromptRejectedException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The checkpoint's own tokenizer ({@code tokenizer.json} in the model folder, through DJL's
 * binding of the Hugging Face Rust library; never the hub) wrapped with what LLaVA needs: BOS
 * added, the image marker kept as ONE token (the model expands it to the visual block), a prompt
 * checked for exactly one marker and a maximum length, and per-id token strings for the lens.
 */
public final class LlavaTokenizer implements AutoCloseable {
  private final HuggingFaceTokenizer tokenizer;
  private final Vocabulary vocabulary;
  private final int imageTokenId;
  private final String imageMarker;
  private final int maxTokens;

  private LlavaTokenizer(HuggingFaceTokenizer tokenizer, Vocabulary vocabulary, int imageTokenId,
      int maxTokens) {
    this.tokenizer = tokenizer;
    this.vocabulary = vocabulary;
    this.imageTokenId = imageTokenId;
    this.imageMarker = vocabulary.piece(imageTokenId);
    this.maxTokens = maxTokens;
  }

  /**
   * Loads {@code tokenizer.json} from a model folder.
   *
   * @param imageTokenId the config's {@code image_token_index} (32000 for LLaVA-1.5)
   * @param maxTokens the longest prompt accepted, in tokens, counting the marker as one
   */
  public static LlavaTokenizer load(Path modelDir, int imageTokenId, int maxTokens)
      throws IOException {
    Path file = modelDir.resolve("tokenizer.json");
    if (!Files.isRegularFile(file)) {
      throw new IOException(modelDir + ": no tokenizer.json in the model folder");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not valid JSON: " + e.getMessage(), e);
    }
    Vocabulary vocabulary;
    try {
      vocabulary = Vocabulary.fromTokenizerJson(root);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    if (imageTokenId < 0 || imageTokenId >= vocabulary.size()) {
      throw new IOException(file + ": has no token with the image token id " + imageTokenId);
    }
    HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(file,
        Map.of("addSpecialTokens", "true", "truncation", "false", "padding", "false"));
    return new LlavaTokenizer(tokenizer, vocabulary, imageTokenId, maxTokens);
  }

  /** The marker text users write for the image, e.g. {@code <image>}. */
  public String imageMarker() {
    return imageMarker;
  }

  public int imageTokenId() {
    return imageTokenId;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * Tokenises a full prompt (BOS added) that contains the image marker exactly once.
   *
   * @return the ids, the marker as one id
   */
  public int[] encodePrompt(String prompt) throws PromptRejectedException {
    int markers = count(prompt, imageMarker);
    if (markers != 1) {
      throw new PromptRejectedException(Reason.BAD_PROMPT,
          "the prompt must contain " + imageMarker + " exactly once, found " + markers);
    }
    int[] ids = encode(prompt, true);
    int imageIds = 0;
    for (int id : ids) {
      imageIds += id == imageTokenId ? 1 : 0;
    }
    if (imageIds != 1) {
      throw new PromptRejectedException(Reason.BAD_PROMPT, "the tokenizer turned "
          + imageMarker + " into " + imageIds + " image tokens (expected one id " + imageTokenId
          + "): tokenizer.json lacks the added token");
    }
    if (ids.length > maxTokens) {
      throw new PromptRejectedException(Reason.TOO_LONG, "the prompt is " + ids.length
          + " tokens, over the limit of " + maxTokens);
    }
    return ids;
  }

  /** Plain tokenisation, e.g. of an answer word ({@code "yes"}, {@code " cat"}). */
  public int[] encode(String text, boolean addSpecialTokens) {
    Encoding encoding = tokenizer.encode(text, addSpecialTokens, false);
    long[] ids = encoding.getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = (int) ids[i];
    }
    return out;
  }

  /** Generated ids to text, special tokens skipped, as {@code tokenizer.decode} does. */
  public String decode(int[] ids) {
    long[] longs = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      longs[i] = ids[i];
    }
    return tokenizer.decode(longs, true);
  }

  /** The raw vocabulary piece of each id (for {@code tokens} of lens events). */
  public String[] pieces(int[] ids) {
    String[] out = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = vocabulary.piece(ids[i]);
    }
    return out;
  }

  @Override
  public void close() {
    tokenizer.close();
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}
