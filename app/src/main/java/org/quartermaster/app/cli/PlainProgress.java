package org.quartermaster.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.quartermaster.engine.simulation.ProgressListener;

/**
 * Progress for a stderr that is not a terminal (a log file, a pipe, a CI job): one plain line at each
 * quarter of the runs, no carriage returns or redrawn frames. Thread-safe.
 */
final class PlainProgress implements ProgressListener {
  private static final int STEPS = 4;

  private final PrintWriter err;
  private int printed;

  PlainProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void runsDone(long done, long total) {
    int reached = total <= 0 ? STEPS : (int) Math.min(STEPS, done * STEPS / total);
    if (reached > printed) {
      printed = reached;
      err.printf(Locale.ROOT, "qm: simulate: %,d of %,d runs (%d%%)%n", done, total, 100 * done / Math.max(total, 1));
      err.flush();
    }
  }
}
