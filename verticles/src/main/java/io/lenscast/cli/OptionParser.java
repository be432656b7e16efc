package io.lenscast.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small command-line option parser shared by the sub-commands: each command declares its
 * options (flags, single-valued, repeatable), and {@link #parse} turns {@code --name value} /
 * {@code --name=value} arguments into {@link ParsedOptions}, refusing unknown options, missing
 * values and repeated single options with a {@link UsageException}. Adding a flag to a command
 * is one {@code option(...)} call plus reading it.
 */
public final class OptionParser {
  private final String command;
  private final Map<String, Spec> specs = new LinkedHashMap<>();
  private boolean allowPositional;

  private record Spec(String name, String metavar, String help, boolean takesValue,
                      boolean repeatable) {}

  public OptionParser(String command) {
    this.command = command;
  }

  /** An option taking one value, given at most once: {@code --name VALUE}. */
  public OptionParser option(String name, String metavar, String help) {
    return add(new Spec(name, metavar, help, true, false));
  }

  /** An option taking one value that may be given several times. */
  public OptionParser repeatable(String name, String metavar, String help) {
    return add(new Spec(name, metavar, help, true, true));
  }

  /** A switch without a value. */
  public OptionParser flag(String name, String help) {
    return add(new Spec(name, null, help, false, false));
  }

  /** Accept arguments that are not options (e.g. image files). */
  public OptionParser positional() {
    this.allowPositional = true;
    return this;
  }

  private OptionParser add(Spec spec) {
    if (!spec.name.startsWith("--")) {
      throw new IllegalArgumentException("option names start with --: " + spec.name);
    }
    if (specs.putIfAbsent(spec.name, spec) != null) {
      throw new IllegalArgumentException("option declared twice: " + spec.name);
    }
    return this;
  }

  public ParsedOptions parse(List<String> args) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.equals("--")) {
        if (!allowPositional) {
          throw new UsageException("unexpected argument '" + arg + "' (" + command
              + " takes options only, see --help)");
        }
        positional.add(arg);
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      Spec spec = specs.get(name);
      if (spec == null && name.equals("--help")) {
        throw new HelpRequested("usage: ./lenscast " + command + " [options]\n" + help());
      }
      if (spec == null) {
        throw new UsageException("unknown option " + name + " (see --help)");
      }
      String value;
      if (!spec.takesValue) {
        if (eq > 0) {
          throw new UsageException(name + " takes no value");
        }
        value = "true";
      } else if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new UsageException(name + " needs a value (" + spec.metavar + ")");
      }
      List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
      if (!spec.repeatable && !list.isEmpty()) {
        throw new UsageException(name + " given more than once");
      }
      list.add(value);
    }
    return new ParsedOptions(values, positional);
  }

  /** One line per option, for {@code --help}. */
  public String help() {
    StringBuilder sb = new StringBuilder();
    for (Spec s : specs.values()) {
      String left = s.name + (s.takesValue ? " " + s.metavar : "") + (s.repeatable ? " ..." : "");
      sb.append(String.format("  %-28s %s%n", left, s.help));
    }
    return sb.toString();
  }

  /** {@code --help} on a command that prints no help of its own: the option listing, exit 0. */
  public static final class HelpRequested extends RuntimeException {
    public HelpRequested(String usage) {
      super(usage, null, false, false);
    }
  }
}
