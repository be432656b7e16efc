package io.lenscast.analysis.experiment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resumable results of an experiment: one JSON line per item ({@link ExperimentRecord}) in
 * {@code results.jsonl}, appended and forced to disk as each item finishes. Reopening reads the
 * finished items back; a last line cut short by a crash is dropped (the file is truncated to
 * its last complete line) and that item runs again. Not shared between processes.
 */
public final class ExperimentStore implements AutoCloseable {
  public static final String FILE_NAME = "results.jsonl";
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path file;
  private final Map<String, ExperimentRecord> records = new LinkedHashMap<>();
  private final Writer writer;
  private final FileChannel channel;

  private ExperimentStore(Path file) throws IOException {
    this.file = file;
    truncateToLastCompleteLine(file);
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        ExperimentRecord r = MAPPER.readValue(line, ExperimentRecord.class);
        records.put(r.key(), r);
      }
    }
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    this.writer = java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8);
  }

  /** Opens (creating) {@code dir/results.jsonl}. */
  public static ExperimentStore open(Path dir) throws IOException {
    Files.createDirectories(dir);
    return new ExperimentStore(dir.resolve(FILE_NAME));
  }

  public Path file() {
    return file;
  }

  public synchronized boolean has(String key) {
    return records.containsKey(key);
  }

  public synchronized List<ExperimentRecord> records() {
    return new ArrayList<>(records.values());
  }

  /** Appends one finished item and forces it to disk before returning. */
  public synchronized void put(ExperimentRecord record) throws IOException {
    writer.write(MAPPER.writeValueAsString(record));
    writer.write('\n');
    writer.flush();
    channel.force(false);
    records.put(record.key(), record);
  }

  @Override
  public synchronized void close() throws IOException {
    writer.close();
  }

  private static void truncateToLastCompleteLine(Path file) throws IOException {
    if (!Files.exists(file) || Files.size(file) == 0) {
      return;
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long end = raf.length();
      long keep = end;
      while (keep > 0) {
        raf.seek(keep - 1);
        if (raf.read() == '\n') {
          break;
        }
        keep--;
      }
      if (keep < end) {
        raf.setLength(keep);
      }
    }
  }
}
