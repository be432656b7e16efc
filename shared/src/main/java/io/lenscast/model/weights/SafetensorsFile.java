package io.lenscast.model.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.model.ModelFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code .safetensors} file: its JSON header parsed, each tensor memory-mapped on demand as
 * its own slice (so no single mapping exceeds one tensor, and files over 2 GB work).
 */
public final class SafetensorsFile implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_HEADER = 100L * 1024 * 1024;

  /** A tensor's entry in the header: storage dtype, shape and byte range in the data section. */
  public record Entry(String name, String dtype, long[] shape, long begin, long end) {}

  private final Path file;
  private final FileChannel channel;
  private final long dataStart;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  public SafetensorsFile(Path file) throws IOException {
    this.file = file;
    try {
      this.channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new ModelFormatException("cannot open " + file + ": " + e.getMessage(), e);
    }
    try {
      long size = channel.size();
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      if (size < 8 || channel.read(len, 0) != 8) {
        throw new ModelFormatException(file + " is not a safetensors file: too short");
      }
      long headerLen = len.getLong(0);
      if (headerLen <= 0 || headerLen > MAX_HEADER || 8 + headerLen > size) {
        throw new ModelFormatException(file + " is not a safetensors file: bad header length "
            + headerLen);
      }
      ByteBuffer header = ByteBuffer.allocate((int) headerLen);
      channel.read(header, 8);
      dataStart = 8 + headerLen;
      parseHeader(JSON.readTree(header.array()), size - dataStart);
    } catch (IOException | RuntimeException e) {
      channel.close();
      if (e instanceof ModelFormatException m) {
        throw m;
      }
      throw new ModelFormatException(file + " is not a safetensors file: " + e.getMessage(), e);
    }
  }

  private void parseHeader(JsonNode root, long dataSize) throws ModelFormatException {
    if (!root.isObject()) {
      throw new ModelFormatException(file + " is not a safetensors file: header not an object");
    }
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("__metadata__")) {
        continue;
      }
      JsonNode t = e.getValue();
      JsonNode shapeNode = t.get("shape");
      JsonNode offsets = t.get("data_offsets");
      if (shapeNode == null || offsets == null || offsets.size() != 2 || !t.hasNonNull("dtype")) {
        throw new ModelFormatException("tensor " + e.getKey() + " in " + file
            + " has a malformed header entry");
      }
      long[] shape = new long[shapeNode.size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = shapeNode.get(i).longValue();
      }
      long begin = offsets.get(0).longValue();
      long end = offsets.get(1).longValue();
      if (begin < 0 || end < begin || end > dataSize) {
        throw new ModelFormatException("tensor " + e.getKey() + " in " + file
            + " lies outside the file (offsets " + begin + ".." + end + ")");
      }
      entries.put(e.getKey(), new Entry(e.getKey(), t.get("dtype").asText(), shape, begin, end));
    }
  }

  public Path file() {
    return file;
  }

  public Map<String, Entry> entries() {
    return entries;
  }

  /** Maps one tensor's bytes (read-only, little-endian). */
  public ByteBuffer map(Entry e) throws IOException {
    MappedByteBuffer buf = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + e.begin(),
        e.end() - e.begin());
    buf.order(ByteOrder.LITTLE_ENDIAN);
    return buf;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
