package io.lenscast.model.weights;

import io.lenscast.model.ModelFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Finds the checkpoint files of a model folder as users have it: a plain folder, a Hugging Face
 * cache repo folder {@code models--org--name} (its {@code refs/main} names the snapshot under
 * {@code snapshots/REV/}), or a snapshot folder itself.
 */
public record ModelFolder(Path dir) {
  public static final String CONFIG = "config.json";
  public static final String SINGLE = "model.safetensors";
  public static final String INDEX = "model.safetensors.index.json";

  /** Resolves {@code given} to the folder that holds {@code config.json}. */
  public static ModelFolder resolve(Path given) throws ModelFormatException {
    if (!Files.isDirectory(given)) {
      throw new ModelFormatException(given + " is not a LLaVA checkpoint: not a directory");
    }
    if (Files.isRegularFile(given.resolve(CONFIG))) {
      return new ModelFolder(given);
    }
    Path snapshots = given.resolve("snapshots");
    if (Files.isDirectory(snapshots)) {
      return new ModelFolder(snapshotOf(given, snapshots));
    }
    throw new ModelFormatException(given + " is not a LLaVA checkpoint: no " + CONFIG);
  }

  private static Path snapshotOf(Path repo, Path snapshots) throws ModelFormatException {
    Path ref = repo.resolve("refs").resolve("main");
    try {
      if (Files.isRegularFile(ref)) {
        String rev = Files.readString(ref, StandardCharsets.UTF_8).trim();
        Path snap = snapshots.resolve(rev);
        if (Files.isRegularFile(snap.resolve(CONFIG))) {
          return snap;
        }
        throw new ModelFormatException(repo + " is not a LLaVA checkpoint: refs/main names "
            + rev + " but " + snap + " has no " + CONFIG);
      }
      try (Stream<Path> revs = Files.list(snapshots)) {
        Path[] withConfig = revs.filter(p -> Files.isRegularFile(p.resolve(CONFIG)))
            .sorted().toArray(Path[]::new);
        if (withConfig.length == 1) {
          return withConfig[0];
        }
        throw new ModelFormatException(repo + " is not a LLaVA checkpoint: "
            + (withConfig.length == 0 ? "no snapshot with " + CONFIG
                : withConfig.length + " snapshots and no refs/main to choose one"));
      }
    } catch (ModelFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new ModelFormatException(repo + ": cannot read the HF cache folder: " + e.getMessage(),
          e);
    }
  }

  public Path config() {
    return dir.resolve(CONFIG);
  }

  public Path generationConfig() {
    return dir.resolve("generation_config.json");
  }

  /** The file that lists the tensors: the index when sharded, else the single safetensors file. */
  public Path weightsManifest() throws ModelFormatException {
    if (Files.isRegularFile(dir.resolve(INDEX))) {
      return dir.resolve(INDEX);
    }
    if (Files.isRegularFile(dir.resolve(SINGLE))) {
      return dir.resolve(SINGLE);
    }
    throw new ModelFormatException(dir + " is not a LLaVA checkpoint: no " + SINGLE + " or "
        + INDEX);
  }
}
