package org.quartermaster.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.quartermaster.engine.simulation.ProgressListener;

/**
 * Progress for a stderr that is not a terminal (a log file, a pipe, a CI job): one plain line at each
 * quarter of the work, no carriage returns or redrawn frames. Thread-safe.
 */
final class PlainProgress implements ProgressListener {
  private static final int STEPS = 4;

  private final PrintWriter err;
  private final String task;
  private final String unit;
  private int printed;

  /** @param unit what is counted, plural, e.g. {@code runs} */
  PlainProgress(PrintWriter err, String task, String unit) {
    this.err = err;
    this.task = task;
    this.unit = unit;
  }

  @Override
  public synchronized void runsDone(long done, long total) {
    int reached = total <= 0 ? STEPS : (int) Math.min(STEPS, done * STEPS / total);
    if (reached > printed) {
      printed = reached;
      err.printf(Locale.ROOT, "qm: %s: %,d of %,d %s (%d%%)%n", task, done, total, unit,
          100 * done / Math.max(total, 1));
      err.flush();
    }
  }
}
