package io.lenscast.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The options one command line gave, with typed, validated accessors that fail as usage. */
public final class ParsedOptions {
  private final Map<String, List<String>> values;
  private final List<String> positional;

  ParsedOptions(Map<String, List<String>> values, List<String> positional) {
    this.values = values;
    this.positional = List.copyOf(positional);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The value of a single option, or null when absent. */
  public String get(String name) {
    List<String> list = values.get(name);
    return list == null ? null : list.get(0);
  }

  /** Every value of a repeatable option, in order (empty when absent). */
  public List<String> getAll(String name) {
    return values.getOrDefault(name, List.of());
  }

  public List<String> positional() {
    return positional;
  }

  public String required(String name) {
    String v = get(name);
    if (v == null) {
      throw new UsageException("missing " + name);
    }
    return v;
  }

  /** An integer option within [min, max], or {@code fallback} when absent. */
  public int intValue(String name, int fallback, int min, int max) {
    String v = get(name);
    if (v == null) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be an integer, got '" + v + "'");
    }
    if (n < min || n > max) {
      throw new UsageException(name + " must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  /** A path option that must name an existing regular file. */
  public Path existingFile(String name) {
    Path p = Path.of(required(name));
    if (!Files.isRegularFile(p)) {
      throw new UsageException(name + ": file not found: " + p);
    }
    return p;
  }

  /** A path option that must name an existing directory. */
  public Path existingDirectory(String name) {
    Path p = Path.of(required(name));
    if (!Files.isDirectory(p)) {
      throw new UsageException(name + ": not a directory: " + p);
    }
    return p;
  }

  /** Exactly one of the named options must be present; returns which. */
  public String exactlyOneOf(String... names) {
    String found = null;
    for (String n : names) {
      if (has(n)) {
        if (found != null) {
          throw new UsageException("give only one of " + String.join(", ", names));
        }
        found = n;
      }
    }
    if (found == null) {
      throw new UsageException("give one of " + String.join(", ", names));
    }
    return found;
  }
}
