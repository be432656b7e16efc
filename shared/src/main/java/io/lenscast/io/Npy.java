package io.lenscast.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files (format 1.0/2.0, little-endian, C order) of
 * float32, float64, int32, int64 and uint8: the golden fixtures and the ablation mean vectors.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  /** A decoded array: its dtype descriptor (e.g. {@code <f4}), shape and raw little-endian data. */
  public record Array(String descr, long[] shape, ByteBuffer data) {
    public long size() {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      return n;
    }

    public float[] toFloats() {
      int n = Math.toIntExact(size());
      float[] out = new float[n];
      switch (descr) {
        case "<f4" -> data.asFloatBuffer().get(out);
        case "<f8" -> {
          for (int i = 0; i < n; i++) {
            out[i] = (float) data.getDouble(i * 8);
          }
        }
        default -> throw new IllegalStateException("not a float array: " + descr);
      }
      return out;
    }

    public double[] toDoubles() {
      int n = Math.toIntExact(size());
      double[] out = new double[n];
      switch (descr) {
        case "<f8" -> data.asDoubleBuffer().get(out);
        case "<f4" -> {
          for (int i = 0; i < n; i++) {
            out[i] = data.getFloat(i * 4);
          }
        }
        default -> throw new IllegalStateException("not a float array: " + descr);
      }
      return out;
    }

    public int[] toInts() {
      int n = Math.toIntExact(size());
      int[] out = new int[n];
      switch (descr) {
        case "<i4" -> data.asIntBuffer().get(out);
        case "<i8" -> {
          for (int i = 0; i < n; i++) {
            out[i] = Math.toIntExact(data.getLong(i * 8));
          }
        }
        case "|u1" -> {
          for (int i = 0; i < n; i++) {
            out[i] = data.get(i) & 0xff;
          }
        }
        default -> throw new IllegalStateException("not an integer array: " + descr);
      }
      return out;
    }
  }

  private Npy() {}

  public static Array read(Path file) throws IOException {
    return parse(ByteBuffer.wrap(Files.readAllBytes(file)), file.toString());
  }

  public static Array parse(ByteBuffer buf, String name) throws IOException {
    buf.order(ByteOrder.LITTLE_ENDIAN);
    for (byte b : MAGIC) {
      if (buf.remaining() == 0 || buf.get() != b) {
        throw new IOException(name + ": not a .npy file (bad magic)");
      }
    }
    int major = buf.get() & 0xff;
    buf.get();
    int headerLen = major == 1 ? (buf.getShort() & 0xffff) : buf.getInt();
    byte[] header = new byte[headerLen];
    buf.get(header);
    String h = new String(header, StandardCharsets.ISO_8859_1);
    Matcher descr = DESCR.matcher(h);
    Matcher fortran = FORTRAN.matcher(h);
    Matcher shape = SHAPE.matcher(h);
    if (!descr.find() || !fortran.find() || !shape.find()) {
      throw new IOException(name + ": unreadable .npy header: " + h.trim());
    }
    if (fortran.group(1).equals("True")) {
      throw new IOException(name + ": Fortran-order arrays are not supported");
    }
    List<Long> dims = new ArrayList<>();
    for (String d : shape.group(1).split(",")) {
      if (!d.isBlank()) {
        dims.add(Long.parseLong(d.trim()));
      }
    }
    long[] dimArray = dims.stream().mapToLong(Long::longValue).toArray();
    String d = descr.group(1);
    int itemSize = switch (d) {
      case "<f4", "<i4" -> 4;
      case "<f8", "<i8" -> 8;
      case "|u1" -> 1;
      default -> throw new IOException(name + ": unsupported dtype " + d);
    };
    long count = 1;
    for (long dim : dimArray) {
      count *= dim;
    }
    if (buf.remaining() < count * itemSize) {
      throw new IOException(name + ": truncated data (" + buf.remaining() + " bytes for "
          + count + " items of " + d + ")");
    }
    ByteBuffer data = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
    data.limit(Math.toIntExact(count * itemSize));
    return new Array(d, dimArray, data);
  }

  public static void writeFloats(Path file, float[] values, long... shape) throws IOException {
    ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    data.asFloatBuffer().put(values);
    write(file, "<f4", shape, data);
  }

  public static void writeInts(Path file, int[] values, long... shape) throws IOException {
    ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    data.asIntBuffer().put(values);
    write(file, "<i4", shape, data);
  }

  private static void write(Path file, String descr, long[] shape, ByteBuffer data)
      throws IOException {
    StringBuilder dims = new StringBuilder();
    for (long d : shape) {
      dims.append(d).append(", ");
    }
    if (shape.length > 1) {
      dims.setLength(dims.length() - 2);
    } else if (shape.length == 1) {
      dims.setLength(dims.length() - 1);
    }
    String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims
        + "), }";
    int unpadded = MAGIC.length + 2 + 2 + header.length() + 1;
    int pad = (64 - unpadded % 64) % 64;
    header = header + " ".repeat(pad) + "\n";
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(MAGIC);
      out.write(new byte[] {1, 0});
      out.write(new byte[] {(byte) (header.length() & 0xff), (byte) (header.length() >> 8)});
      out.write(header.getBytes(StandardCharsets.ISO_8859_1));
      out.write(data.array(), 0, data.limit());
    }
  }
}
