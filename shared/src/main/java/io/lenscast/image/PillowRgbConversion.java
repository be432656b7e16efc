package io.lenscast.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Turns a decoded raster into 8-bit RGB the way PIL's {@code Image.convert("RGB")} does, which
 * is not what Java's {@code getRGB} does: PIL ignores embedded colour profiles and gamma, drops
 * alpha without compositing, reads palette entries directly, keeps the high byte of 16-bit
 * colour samples but clips 16-bit grey (mode {@code I}) to 255, and turns CMYK into RGB with
 * {@code (255 - K) - (C * (255 - K)) / 255} in its integer rounding.
 */
final class PillowRgbConversion {
  private PillowRgbConversion() {}

  static RgbImage toRgb(BufferedImage image) {
    ColorModel cm = image.getColorModel();
    Raster raster = image.getRaster();
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] out = new byte[w * h * 3];
    if (cm instanceof IndexColorModel palette) {
      fromPalette(raster, palette, out);
    } else if (cm.getColorSpace().getType() == ColorSpace.TYPE_CMYK
        && raster.getNumBands() == 4) {
      fromCmyk(raster, out);
    } else if (isPlainSamples(cm, raster)) {
      fromSamples(raster, cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY, out);
    } else {
      fromColorModel(raster, cm, out);
    }
    return new RgbImage(w, h, out);
  }

  /** Channel values of a PIL-CMYK image (not inverted), as JPEG readers deliver them. */
  static RgbImage fromCmykSamples(Raster raster) {
    byte[] out = new byte[raster.getWidth() * raster.getHeight() * 3];
    fromCmyk(raster, out);
    return new RgbImage(raster.getWidth(), raster.getHeight(), out);
  }

  private static boolean isPlainSamples(ColorModel cm, Raster raster) {
    int type = raster.getTransferType();
    if (type != DataBuffer.TYPE_BYTE && type != DataBuffer.TYPE_USHORT
        && type != DataBuffer.TYPE_INT) {
      return false;
    }
    int[] sizes = cm.getComponentSize();
    for (int s : sizes) {
      if (s != 8 && s != 16) {
        return false;
      }
    }
    int space = cm.getColorSpace().getType();
    return space == ColorSpace.TYPE_GRAY || space == ColorSpace.TYPE_RGB;
  }

  private static void fromPalette(Raster raster, IndexColorModel palette, byte[] out) {
    int w = raster.getWidth();
    int[] row = new int[w];
    for (int y = 0; y < raster.getHeight(); y++) {
      raster.getSamples(0, y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        int o = (y * w + x) * 3;
        out[o] = (byte) palette.getRed(row[x]);
        out[o + 1] = (byte) palette.getGreen(row[x]);
        out[o + 2] = (byte) palette.getBlue(row[x]);
      }
    }
  }

  private static void fromSamples(Raster raster, boolean grey, byte[] out) {
    int w = raster.getWidth();
    int bands = raster.getNumBands();
    boolean sixteen = raster.getSampleModel().getSampleSize(0) == 16;
    // PIL opens 16-bit single-channel grey as mode I, whose RGB conversion clips at 255
    boolean clipGrey = sixteen && grey && bands == 1;
    int[] px = new int[w * bands];
    for (int y = 0; y < raster.getHeight(); y++) {
      raster.getPixels(0, y, w, 1, px);
      for (int x = 0; x < w; x++) {
        int o = (y * w + x) * 3;
        for (int c = 0; c < 3; c++) {
          int v = px[x * bands + (grey ? 0 : c)];
          if (clipGrey) {
            v = Math.min(v, 255);
          } else if (sixteen) {
            v >>= 8;
          }
          out[o + c] = (byte) v;
        }
      }
    }
  }

  private static void fromCmyk(Raster raster, byte[] out) {
    int w = raster.getWidth();
    int[] px = new int[w * 4];
    for (int y = 0; y < raster.getHeight(); y++) {
      raster.getPixels(0, y, w, 1, px);
      for (int x = 0; x < w; x++) {
        int notK = 255 - px[x * 4 + 3];
        int o = (y * w + x) * 3;
        for (int c = 0; c < 3; c++) {
          out[o + c] = (byte) clip8(notK - mulDiv255(px[x * 4 + c], notK));
        }
      }
    }
  }

  /** Pillow's {@code MULDIV255}: a * b / 255 rounded, in integers. */
  private static int mulDiv255(int a, int b) {
    int t = a * b + 128;
    return ((t >> 8) + t) >> 8;
  }

  private static int clip8(int v) {
    return v < 0 ? 0 : Math.min(v, 255);
  }

  /** Packed or unusual layouts (e.g. 16-bit BMP): let the colour model scale the channels. */
  private static void fromColorModel(Raster raster, ColorModel cm, byte[] out) {
    int w = raster.getWidth();
    Object pixel = null;
    for (int y = 0; y < raster.getHeight(); y++) {
      for (int x = 0; x < w; x++) {
        pixel = raster.getDataElements(x, y, pixel);
        int o = (y * w + x) * 3;
        out[o] = (byte) cm.getRed(pixel);
        out[o + 1] = (byte) cm.getGreen(pixel);
        out[o + 2] = (byte) cm.getBlue(pixel);
      }
    }
  }
}
