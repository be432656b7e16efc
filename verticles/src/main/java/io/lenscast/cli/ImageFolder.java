package io.lenscast.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The images of a folder as the commands that take one ({@code mean-vector --images},
 * {@code publish --dir}) see them: the regular files with an image extension lenscast decodes,
 * in name order, sub-folders not entered.
 */
final class ImageFolder {
  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

  private ImageFolder() {}

  static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(ImageFolder::isImage).sorted().toList();
    }
  }

  private static boolean isImage(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(p) && EXTENSIONS.stream().anyMatch(name::endsWith);
  }
}
