package io.lenscast.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read as instructions (continuation lines joined, comments dropped), enough to
 * check what the image builds and runs without a Docker engine.
 */
final class DockerfileText {
  private static final Pattern MAVEN = Pattern.compile("\\b(mvn\\s[^&;|]*?)\\s*(?:&&|;|\\||$)");

  /** One instruction: keyword (upper case) and its arguments. */
  record Instruction(String keyword, String arguments) {}

  private final List<Instruction> instructions = new ArrayList<>();

  DockerfileText(String text) {
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      String joined = current.toString().strip();
      current.setLength(0);
      if (!joined.isEmpty()) {
        int space = joined.indexOf(' ');
        instructions.add(new Instruction(joined.substring(0, space).toUpperCase(),
            joined.substring(space + 1).strip()));
      }
    }
  }

  List<String> arguments(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword))
        .map(Instruction::arguments).toList();
  }

  /** The Maven command of the RUN instruction that builds the project. */
  String mavenBuildCommand() {
    List<String> commands = new ArrayList<>();
    for (String run : arguments("RUN")) {
      Matcher m = MAVEN.matcher(run);
      while (m.find()) {
        commands.add(m.group(1).strip().replaceAll("\\s+", " "));
      }
    }
    if (commands.size() != 1) {
      throw new AssertionError("expected exactly one mvn command in RUN, found " + commands);
    }
    return commands.get(0);
  }

  /** Value of an ENV variable set in the last stage (the image that runs). */
  Optional<String> env(String name) {
    Optional<String> value = Optional.empty();
    Pattern p = Pattern.compile("(?:^|\\s)" + Pattern.quote(name) + "=(\"[^\"]*\"|\\S+)");
    for (Instruction i : instructions) {
      if (i.keyword().equals("FROM")) {
        value = Optional.empty();
      } else if (i.keyword().equals("ENV")) {
        Matcher m = p.matcher(i.arguments());
        if (m.find()) {
          value = Optional.of(m.group(1).replace("\"", ""));
        }
      }
    }
    return value;
  }

  /** Names of every ENV variable set in any stage. */
  List<String> envNames() {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?:^|\\s)([A-Z_][A-Z0-9_]*)=").matcher("");
    for (String env : arguments("ENV")) {
      m.reset(env);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** The last USER instruction: the user the container runs as. */
  String user() {
    List<String> users = arguments("USER");
    return users.isEmpty() ? "root" : users.get(users.size() - 1);
  }
}
