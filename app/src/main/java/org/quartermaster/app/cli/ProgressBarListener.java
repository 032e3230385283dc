package org.quartermaster.app.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.quartermaster.engine.simulation.ProgressListener;

/** Draws the engine's progress as a text progress bar on stderr. */
final class ProgressBarListener implements ProgressListener, AutoCloseable {
  private final ProgressBar bar;

  /** A bar for {@code total} steps of {@code unit} (e.g. " variants"), labelled {@code task}. */
  ProgressBarListener(PrintWriter err, long total, String task, String unit) {
    java.io.PrintStream stream = new java.io.PrintStream(new WriterOutputStream(err), true,
        java.nio.charset.StandardCharsets.UTF_8);
    bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUnit(unit, 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(200)
        .setConsumer(new ConsoleProgressBarConsumer(stream))
        .continuousUpdate()
        .build();
  }

  @Override
  public void runsDone(long done, long total) {
    bar.stepTo(done);
  }

  @Override
  public void close() {
    bar.close();
  }

  /** Bridges the progress bar's PrintStream to picocli's writer (so tests can capture it). */
  private static final class WriterOutputStream extends java.io.OutputStream {
    private final PrintWriter writer;

    WriterOutputStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      writer.write(b);
    }

    @Override
    public void write(byte[] bytes, int off, int len) {
      writer.write(new String(bytes, off, len, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
      writer.flush();
    }
  }
}
