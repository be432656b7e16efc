package io.lenscast.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files under {@code deploy/} as parsed documents: every YAML document (multi-document files
 * split), every JSON file, and the Kubernetes objects among them looked up by kind and name. One
 * place that reads the folder, so each check in {@link DeployManifestsTest} states only its rule.
 */
final class DeployTree {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One parsed YAML document and the file it came from. */
  record Document(Path file, JsonNode root) {}

  private final Path root;

  DeployTree(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  Path resolve(String relative) {
    return root.resolve(relative);
  }

  String text(String relative) {
    try {
      return Files.readString(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Path> filesEndingWith(String... suffixes) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every non-empty document of every .yaml/.yml file; a file that does not parse throws. */
  List<Document> yamlDocuments() {
    List<Document> documents = new ArrayList<>();
    for (Path file : filesEndingWith(".yaml", ".yml")) {
      documents.addAll(yamlDocuments(file));
    }
    return documents;
  }

  List<Document> yamlDocuments(String relative) {
    return yamlDocuments(root.resolve(relative));
  }

  private static List<Document> yamlDocuments(Path file) {
    List<Document> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          documents.add(new Document(file, node));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse YAML " + file, e);
    }
    return documents;
  }

  JsonNode json(String relative) {
    return parseJson(root.resolve(relative));
  }

  static JsonNode parseJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse JSON " + file, e);
    }
  }

  static JsonNode parseJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse JSON text", e);
    }
  }

  /** Kubernetes objects of one kind under deploy/k8s. */
  List<JsonNode> k8s(String kind) {
    return yamlDocuments().stream()
        .filter(d -> d.file().startsWith(root.resolve("k8s")))
        .map(Document::root)
        .filter(n -> kind.equals(n.path("kind").asText()))
        .toList();
  }

  JsonNode k8s(String kind, String name) {
    return k8s(kind).stream()
        .filter(n -> name.equals(n.path("metadata").path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("deploy/k8s has no " + kind + " named " + name));
  }

  /** The single document of deploy/compose.yaml. */
  JsonNode compose() {
    return yamlDocuments("compose.yaml").get(0).root();
  }
}
