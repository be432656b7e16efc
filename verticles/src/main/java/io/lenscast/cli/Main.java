package io.lenscast.cli;

import io.lenscast.launch.Role;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of {@code ./lenscast}: dispatches to a sub-command. */
public final class Main {
  private Main() {}

  static Map<String, Command> commands() {
    Map<String, Command> commands = new LinkedHashMap<>();
    for (Command c : List.<Command>of(new UpCommand(), new AnalyzeCommand(),
        new RoleCommand(Role.WORKER), new RoleCommand(Role.DASHBOARD), new PublishCommand(),
        new MeanVectorCommand(), new ExperimentCommand(), new LoadRunCommand(),
        new BenchCommand())) {
      commands.put(c.name(), c);
    }
    return commands;
  }

  public static void main(String[] argv) {
    System.exit(run(argv));
  }

  public static int run(String[] argv) {
    Map<String, Command> commands = commands();
    if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("help")) {
      printUsage(commands);
      return argv.length == 0 ? 2 : 0;
    }
    Command command = commands.get(argv[0]);
    if (command == null) {
      System.err.println("lenscast: unknown command '" + argv[0] + "' (try ./lenscast help)");
      return 2;
    }
    try {
      return command.run(Arrays.asList(argv).subList(1, argv.length));
    } catch (OptionParser.HelpRequested e) {
      System.out.print(e.getMessage());
      return 0;
    } catch (UsageException e) {
      System.err.println("lenscast " + command.name() + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      System.err.println("lenscast " + command.name() + ": " + e
          + (root == e ? "" : " (cause: " + root + ")"));
      return 1;
    }
  }

  private static void printUsage(Map<String, Command> commands) {
    StringBuilder sb = new StringBuilder("usage: ./lenscast COMMAND [options]\n\ncommands:\n");
    commands.values().forEach(c -> sb.append(String.format("  %-12s %s%n", c.name(), c.summary())));
    System.err.print(sb);
  }
}
