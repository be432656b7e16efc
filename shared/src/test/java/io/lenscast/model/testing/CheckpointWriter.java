package io.lenscast.model.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lenscast.model.weights.SafetensorsFile;
import io.lenscast.model.weights.TensorNames;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes LLaVA checkpoints for tests: safetensors in F32, F16 or BF16, one file or several shards
 * with {@code model.safetensors.index.json}, in the Hub or the newer transformers name layout.
 * Tensors are given by Hub name as float32 values; {@link #readAll} reads any checkpoint back.
 */
public final class CheckpointWriter {
  /** A tensor's shape and float32 values (C order). */
  public record Tensor(long[] shape, float[] values) {}

  /** Storage dtype of the written tensors. */
  public enum Dtype { F32, F16, BF16 }

  private Dtype dtype = Dtype.F32;
  private int shards = 1;
  private boolean newLayout;

  public CheckpointWriter dtype(Dtype d) {
    this.dtype = d;
    return this;
  }

  public CheckpointWriter shards(int n) {
    this.shards = n;
    return this;
  }

  public CheckpointWriter newLayout(boolean yes) {
    this.newLayout = yes;
    return this;
  }

  /** Writes {@code tensors} (Hub names) and {@code configJson} into {@code dir}. */
  public void write(Path dir, String configJson, Map<String, Tensor> tensors) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.json"), configJson);
    List<String> names = new ArrayList<>(tensors.keySet());
    if (shards <= 1) {
      writeFile(dir.resolve("model.safetensors"), names, tensors);
      return;
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode index = json.createObjectNode();
    index.putObject("metadata").put("total_size", 0);
    ObjectNode map = index.putObject("weight_map");
    int per = (names.size() + shards - 1) / shards;
    for (int s = 0; s < shards; s++) {
      List<String> part = names.subList(Math.min(names.size(), s * per),
          Math.min(names.size(), (s + 1) * per));
      String file = String.format("model-%05d-of-%05d.safetensors", s + 1, shards);
      writeFile(dir.resolve(file), part, tensors);
      for (String n : part) {
        map.put(stored(n), file);
      }
    }
    Files.writeString(dir.resolve("model.safetensors.index.json"), index.toPrettyString());
  }

  private String stored(String hubName) {
    return newLayout ? TensorNames.newLayout(hubName) : hubName;
  }

  private void writeFile(Path file, List<String> names, Map<String, Tensor> tensors)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode header = json.createObjectNode();
    header.putObject("__metadata__").put("format", "pt");
    int bytesPer = dtype == Dtype.F32 ? 4 : 2;
    long offset = 0;
    for (String n : names) {
      Tensor t = tensors.get(n);
      ObjectNode e = header.putObject(stored(n));
      e.put("dtype", dtype.name());
      var shape = e.putArray("shape");
      for (long d : t.shape()) {
        shape.add(d);
      }
      long size = (long) t.values().length * bytesPer;
      e.putArray("data_offsets").add(offset).add(offset + size);
      offset += size;
    }
    byte[] head = json.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    int pad = (8 - head.length % 8) % 8;
    byte[] padded = new byte[head.length + pad];
    System.arraycopy(head, 0, padded, 0, head.length);
    for (int i = head.length; i < padded.length; i++) {
      padded[i] = ' ';
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded.length)
          .array());
      out.write(padded);
      for (String n : names) {
        float[] v = tensors.get(n).values();
        ByteBuffer buf = ByteBuffer.allocate(v.length * bytesPer).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
          switch (dtype) {
            case F32 -> buf.putFloat(f);
            case F16 -> buf.putShort(Half.toHalf(f));
            case BF16 -> buf.putShort(Half.toBf16(f));
          }
        }
        out.write(buf.array());
      }
    }
  }

  /** Reads every tensor of a single-file checkpoint as float32, keyed by stored name. */
  public static Map<String, Tensor> readAll(Path safetensors) throws IOException {
    Map<String, Tensor> out = new LinkedHashMap<>();
    try (SafetensorsFile f = new SafetensorsFile(safetensors)) {
      for (SafetensorsFile.Entry e : f.entries().values()) {
        ByteBuffer b = f.map(e);
        int n = (int) ((e.end() - e.begin()) / (e.dtype().equals("F32") ? 4 : 2));
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
          v[i] = switch (e.dtype()) {
            case "F32" -> b.getFloat(i * 4);
            case "F16" -> Half.fromHalf(b.getShort(i * 2));
            case "BF16" -> Half.fromBf16(b.getShort(i * 2));
            default -> throw new IOException("unsupported dtype " + e.dtype());
          };
        }
        out.put(e.name(), new Tensor(e.shape(), v));
      }
    }
    return out;
  }
}
