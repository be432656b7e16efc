package io.lenscast.image;

import io.lenscast.image.ImageRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes encoded image bytes (JPEG incl. CMYK/YCCK, PNG, BMP, GIF; WebP only where an ImageIO
 * WebP plug-in is installed, which the JDK does not ship) into PIL-equivalent 8-bit RGB. The
 * pixel count is read from the header and checked against the limit before any pixel data is
 * decoded, so a decompression bomb costs a few bytes of parsing. Corrupt and truncated files
 * are refused rather than half-decoded (libjpeg would otherwise fill the missing rows with
 * grey; PIL refuses them too).
 */
public final class ImageDecoder {
  private final long maxPixels;

  /** @param maxPixels the largest width x height accepted */
  public ImageDecoder(long maxPixels) {
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }
    this.maxPixels = maxPixels;
  }

  public long maxPixels() {
    return maxPixels;
  }

  /** The first frame of the image as RGB. */
  public RgbImage decode(byte[] bytes) throws ImageRejectedException {
    if (bytes == null || bytes.length == 0) {
      throw new ImageRejectedException(Reason.UNREADABLE, "image is empty (0 bytes)");
    }
    if (isWebp(bytes) && !ImageIO.getImageReadersByFormatName("webp").hasNext()) {
      throw new ImageRejectedException(Reason.UNSUPPORTED_FORMAT,
          "WebP images are not supported: this Java runtime has no ImageIO WebP reader"
              + " (convert the image to PNG or JPEG)");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = readerFor(in);
      try {
        reader.setInput(in, true, false);
        checkSize(reader);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener(collect(warnings));
        BufferedImage image = reader.read(0);
        for (String warning : warnings) {
          if (isTruncation(warning)) {
            throw new ImageRejectedException(Reason.UNREADABLE,
                "image is truncated (" + reader.getFormatName() + ": " + warning + ")");
          }
        }
        return PillowRgbConversion.toRgb(image);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new ImageRejectedException(Reason.UNREADABLE,
          "image is corrupt or truncated: " + oneLine(e), e);
    }
  }

  private static ImageReader readerFor(ImageInputStream in) throws ImageRejectedException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    if (!readers.hasNext()) {
      throw new ImageRejectedException(Reason.UNREADABLE,
          "not a recognised image (expected JPEG, PNG, BMP or GIF bytes)");
    }
    return readers.next();
  }

  private void checkSize(ImageReader reader) throws IOException, ImageRejectedException {
    long w = reader.getWidth(0);
    long h = reader.getHeight(0);
    if (w <= 0 || h <= 0) {
      throw new ImageRejectedException(Reason.UNREADABLE, "image has no pixels (" + w + "x" + h
          + ")");
    }
    if (w * h > maxPixels) {
      throw new ImageRejectedException(Reason.TOO_LARGE, "image is " + w + "x" + h + " = "
          + w * h + " pixels, over the limit of " + maxPixels);
    }
  }

  /** libjpeg's and the JDK's wording for data that ends before the image does. */
  private static boolean isTruncation(String warning) {
    String w = warning.toLowerCase(java.util.Locale.ROOT);
    return w.contains("premature end") || w.contains("truncated");
  }

  private static IIOReadWarningListener collect(List<String> warnings) {
    return (source, warning) -> warnings.add(warning);
  }

  private static boolean isWebp(byte[] b) {
    return b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
        && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return message.replaceAll("\\s+", " ").trim();
  }
}
