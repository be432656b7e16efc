package io.lenscast.cli;

import java.io.PrintStream;

/** A one-line progress bar on a terminal stream: {@code [#####.....] 12/20 jobs}. */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final int total;
  private final String unit;
  private int done;

  ProgressBar(PrintStream out, int total) {
    this(out, total, "jobs");
  }

  ProgressBar(PrintStream out, int total, String unit) {
    this.out = out;
    this.total = total;
    this.unit = unit;
  }

  synchronized void step() {
    done++;
    int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
    out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/"
        + total + " " + unit);
    if (done == total) {
      out.println();
    }
    out.flush();
  }
}
