package io.lenscast.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lenscast.model.ModelFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads tensors of a single-file or sharded safetensors checkpoint into NDArrays of the compute
 * dtype: each tensor memory-mapped as its own slice; float32/float16 storage created straight from
 * the mapping, bfloat16 widened to float32 in Java (the PyTorch binding cannot hold bf16); then
 * cast to the compute dtype (float32 on CPU, float16 on GPU). Every tensor's shape is checked
 * against what the config implies, and errors name the file and tensor.
 */
public final class CheckpointReader implements TensorSource, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path manifest;
  private final Map<String, SafetensorsFile> byTensor = new HashMap<>();
  private final Map<Path, SafetensorsFile> files = new LinkedHashMap<>();

  public CheckpointReader(ModelFolder folder) throws IOException {
    this.manifest = folder.weightsManifest();
    if (manifest.getFileName().toString().equals(ModelFolder.INDEX)) {
      readIndex(folder.dir());
    } else {
      SafetensorsFile single = open(manifest);
      for (String name : single.entries().keySet()) {
        byTensor.put(name, single);
      }
    }
  }

  private void readIndex(Path dir) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(manifest));
    } catch (IOException e) {
      throw new ModelFormatException(manifest + " is not valid JSON: " + e.getMessage(), e);
    }
    JsonNode map = root.get("weight_map");
    if (map == null || !map.isObject()) {
      throw new ModelFormatException(manifest + " has no weight_map");
    }
    Iterator<Map.Entry<String, JsonNode>> it = map.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Path shard = dir.resolve(e.getValue().asText()).normalize();
      if (!shard.startsWith(dir.normalize()) || !Files.isRegularFile(shard)) {
        throw new ModelFormatException("shard " + e.getValue().asText() + " of tensor "
            + e.getKey() + " named in " + manifest + " does not exist");
      }
      SafetensorsFile file = open(shard);
      if (!file.entries().containsKey(e.getKey())) {
        throw new ModelFormatException("missing tensor " + e.getKey() + " in " + shard
            + " (named in " + manifest + ")");
      }
      byTensor.put(e.getKey(), file);
    }
  }

  private SafetensorsFile open(Path file) throws IOException {
    SafetensorsFile f = files.get(file);
    if (f == null) {
      f = new SafetensorsFile(file);
      files.put(file, f);
    }
    return f;
  }

  /** Whether the checkpoint stores {@code hubName} under either layout. */
  @Override
  public boolean has(String hubName) {
    return TensorNames.candidates(hubName).stream().anyMatch(byTensor::containsKey);
  }

  /** The storage dtype of the checkpoint's first tensor ("F32", "F16", "BF16"). */
  public String storageDtype() {
    return files.values().stream().flatMap(f -> f.entries().values().stream())
        .map(SafetensorsFile.Entry::dtype).findFirst().orElse("none");
  }

  /**
   * Loads tensor {@code hubName} (stored under either layout) into {@code manager} as
   * {@code computeType}, checking its shape.
   */
  @Override
  public NDArray load(NDManager manager, String hubName, DataType computeType, long... expected)
      throws IOException {
    String stored = null;
    for (String candidate : TensorNames.candidates(hubName)) {
      if (byTensor.containsKey(candidate)) {
        stored = candidate;
        break;
      }
    }
    if (stored == null) {
      throw new ModelFormatException("missing tensor " + hubName + " in " + manifest);
    }
    SafetensorsFile file = byTensor.get(stored);
    SafetensorsFile.Entry e = file.entries().get(stored);
    if (!Arrays.equals(e.shape(), expected)) {
      throw new ModelFormatException("tensor " + stored + " in " + file.file() + " has shape "
          + Arrays.toString(e.shape()) + ", expected " + Arrays.toString(expected));
    }
    long count = new Shape(expected).size();
    DataType storedType = switch (e.dtype()) {
      case "F32" -> DataType.FLOAT32;
      case "F16" -> DataType.FLOAT16;
      case "BF16" -> DataType.BFLOAT16;
      default -> throw new ModelFormatException("tensor " + stored + " in " + file.file()
          + " has dtype " + e.dtype() + "; only F32, F16 and BF16 are supported");
    };
    if (e.end() - e.begin() != count * storedType.getNumOfBytes()) {
      throw new ModelFormatException("tensor " + stored + " in " + file.file() + " holds "
          + (e.end() - e.begin()) + " bytes, expected " + count * storedType.getNumOfBytes());
    }
    ByteBuffer bytes = file.map(e);
    Shape shape = new Shape(expected);
    if (storedType == DataType.BFLOAT16) {
      bytes = bf16ToF32(bytes, count);
      storedType = DataType.FLOAT32;
    }
    NDArray raw = manager.create(bytes, shape, storedType);
    if (storedType == computeType) {
      return raw;
    }
    NDArray cast = raw.toType(computeType, false);
    raw.close();
    return cast;
  }

  /** Widens bfloat16 bits to float32 (the upper half of a float32's bits). */
  static ByteBuffer bf16ToF32(ByteBuffer bf16, long count) {
    ByteBuffer out = ByteBuffer.allocateDirect(Math.toIntExact(count * 4))
        .order(ByteOrder.nativeOrder());
    ShortBuffer in = bf16.order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
    FloatBuffer f = out.asFloatBuffer();
    for (int i = 0; i < count; i++) {
      f.put(i, Float.intBitsToFloat((in.get(i) & 0xffff) << 16));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    for (SafetensorsFile f : files.values()) {
      f.close();
    }
  }
}
