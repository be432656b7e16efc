package io.lenscast.worker;

import io.lenscast.events.JobEvent;
import io.lenscast.job.JobFailedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Gets a job's encoded image bytes: inline base64, or a file strictly inside the allowed folder
 * (symlinks resolved, no escape by {@code ..}). Enforces the byte and pixel limits by reading
 * only the image header, so an oversized image is refused before anything decodes it.
 */
public final class ImageResolver {
  private final Path allowedDir;
  private final long maxBytes;
  private final long maxPixels;

  /** @param allowedDir the folder {@code image.path} jobs may read from (may not exist) */
  public ImageResolver(Path allowedDir, long maxBytes, long maxPixels) {
    this.allowedDir = allowedDir.toAbsolutePath().normalize();
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
  }

  public byte[] resolve(JobEvent.ImageRef ref) throws JobFailedException {
    if (ref == null) {
      throw new JobFailedException(JobFailedException.BAD_JOB, "job has no image");
    }
    byte[] bytes = ref.base64() != null ? fromBase64(ref.base64()) : fromPath(ref.path());
    checkHeader(bytes);
    return bytes;
  }

  private byte[] fromBase64(String text) throws JobFailedException {
    String b64 = text;
    int comma = b64.indexOf(',');
    if (b64.startsWith("data:") && comma > 0) {
      b64 = b64.substring(comma + 1);
    }
    if ((long) b64.length() / 4 * 3 > maxBytes + 3) {
      throw new JobFailedException(JobFailedException.IMAGE_TOO_LARGE,
          "image is larger than " + maxBytes + " bytes");
    }
    try {
      return Base64.getMimeDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new JobFailedException(JobFailedException.BAD_IMAGE,
          "image.base64 is not valid base64: " + e.getMessage());
    }
  }

  private byte[] fromPath(String path) throws JobFailedException {
    if (path == null || path.isBlank()) {
      throw new JobFailedException(JobFailedException.BAD_JOB, "image needs base64 or path");
    }
    Path root;
    try {
      root = allowedDir.toRealPath();
    } catch (IOException e) {
      throw new JobFailedException(JobFailedException.BAD_IMAGE,
          "image.path jobs are not enabled on this worker (allowed folder " + allowedDir
              + " does not exist)");
    }
    Path real;
    try {
      real = root.resolve(path).normalize().toRealPath();
    } catch (NoSuchFileException e) {
      throw new JobFailedException(JobFailedException.BAD_IMAGE,
          "image.path '" + path + "' does not exist in the allowed folder");
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new JobFailedException(JobFailedException.BAD_IMAGE,
          "image.path '" + path + "' cannot be read");
    }
    if (!real.startsWith(root) || !Files.isRegularFile(real)) {
      throw new JobFailedException(JobFailedException.BAD_IMAGE,
          "image.path '" + path + "' is outside the allowed folder or not a file");
    }
    try {
      if (Files.size(real) > maxBytes) {
        throw new JobFailedException(JobFailedException.IMAGE_TOO_LARGE,
            "image is larger than " + maxBytes + " bytes");
      }
      return Files.readAllBytes(real);
    } catch (IOException e) {
      throw new JobFailedException(JobFailedException.BAD_IMAGE,
          "image.path '" + path + "' cannot be read");
    }
  }

  private void checkHeader(byte[] bytes) throws JobFailedException {
    if (bytes.length > maxBytes) {
      throw new JobFailedException(JobFailedException.IMAGE_TOO_LARGE,
          "image is larger than " + maxBytes + " bytes");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new JobFailedException(JobFailedException.BAD_IMAGE,
            "image bytes are not a known image format");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > maxPixels) {
          throw new JobFailedException(JobFailedException.IMAGE_TOO_LARGE, "image has "
              + reader.getWidth(0) + "x" + reader.getHeight(0) + " pixels, more than the limit of "
              + maxPixels);
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new JobFailedException(JobFailedException.BAD_IMAGE,
          "image header cannot be read: " + e.getMessage());
    }
  }
}
