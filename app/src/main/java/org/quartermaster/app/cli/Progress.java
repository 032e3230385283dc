package org.quartermaster.app.cli;

import java.io.PrintWriter;
import org.quartermaster.engine.simulation.ProgressListener;

/**
 * The progress of a long command on stderr: a bar redrawn in place when stderr is a terminal, else a
 * plain line at each quarter ({@link PlainProgress}), or nothing when the user asked for none.
 */
final class Progress implements ProgressListener, AutoCloseable {
  private final ProgressListener shown;
  private final ProgressBarListener bar;

  private Progress(ProgressListener shown, ProgressBarListener bar) {
    this.shown = shown;
    this.bar = bar;
  }

  /**
   * @param wanted   false for {@code --no-progress}
   * @param terminal whether stderr is a terminal ({@link ReportsProgress})
   * @param unit     what is counted, plural, e.g. {@code runs}
   */
  static Progress on(PrintWriter err, boolean wanted, boolean terminal, long total, String task, String unit) {
    if (!wanted) {
      return new Progress(ProgressListener.NONE, null);
    }
    if (terminal) {
      ProgressBarListener bar = new ProgressBarListener(err, total, task, " " + unit);
      return new Progress(bar, bar);
    }
    return new Progress(new PlainProgress(err, task, unit), null);
  }

  @Override
  public void runsDone(long done, long total) {
    shown.runsDone(done, total);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
