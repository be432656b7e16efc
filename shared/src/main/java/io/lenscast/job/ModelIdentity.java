package io.lenscast.job;

import io.lenscast.events.ResultEvent.ModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names the checkpoint a result came from, so results stay comparable across machines: the
 * folder name (or {@code org/name} and the revision for a Hugging Face cache snapshot) and the
 * sha256 of its {@code config.json}.
 */
final class ModelIdentity {
  private ModelIdentity() {}

  static ModelInfo of(Path folder, String dtype, String device) throws IOException {
    Path dir = folder.toAbsolutePath().normalize();
    String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    String revision = null;
    Path parent = dir.getParent();
    if (parent != null && parent.getFileName() != null
        && parent.getFileName().toString().equals("snapshots") && parent.getParent() != null) {
      String repo = parent.getParent().getFileName().toString();
      if (repo.startsWith("models--")) {
        revision = name;
        name = repo.substring("models--".length()).replace("--", "/");
      }
    }
    return new ModelInfo(name, revision, sha256(dir.resolve("config.json")), dtype, device);
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
