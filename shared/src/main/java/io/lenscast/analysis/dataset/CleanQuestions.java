package io.lenscast.analysis.dataset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paper's curated VQA questions ({@code clean_questions.json}: COCO image id -> questions,
 * an empty list = no usable question). Like the reference, an image's first question is used.
 */
public final class CleanQuestions {
  private final Map<Long, List<String>> byImage;

  private CleanQuestions(Map<Long, List<String>> byImage) {
    this.byImage = byImage;
  }

  public static CleanQuestions load(Path file) throws IOException {
    Map<String, List<String>> raw;
    try {
      raw = new ObjectMapper().readValue(file.toFile(), new TypeReference<>() {});
    } catch (IOException e) {
      throw new IOException("cannot read questions " + file + ": " + e.getMessage(), e);
    }
    Map<Long, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : raw.entrySet()) {
      try {
        out.put(Long.parseLong(e.getKey().trim()), List.copyOf(e.getValue()));
      } catch (NumberFormatException ex) {
        throw new IOException(file + ": key '" + e.getKey() + "' is not an image id");
      }
    }
    return new CleanQuestions(out);
  }

  /** The question used for this image, if it has one. */
  public Optional<String> first(long imageId) {
    List<String> q = byImage.get(imageId);
    return q == null || q.isEmpty() ? Optional.empty() : Optional.of(q.get(0));
  }

  /** Image ids that have at least one question, in file order. */
  public List<Long> imagesWithQuestions() {
    return byImage.entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .map(Map.Entry::getKey).toList();
  }

  public int size() {
    return byImage.size();
  }
}
