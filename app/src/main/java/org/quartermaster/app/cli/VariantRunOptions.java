package org.quartermaster.app.cli;

import java.io.PrintWriter;
import org.quartermaster.engine.simulation.SimulationOptions;
import picocli.CommandLine.Option;

/**
 * The options of the commands that run many variants of a scenario ({@code qm sweep}, {@code qm
 * sensitivity}, and {@code qm optimise}, whose variants are portfolios): worker threads and progress.
 * {@link Main} tells it whether stderr is a terminal.
 */
final class VariantRunOptions implements ReportsProgress {
  @Option(names = "--threads", paramLabel = "K",
      description = "Worker threads, each running whole variants (optimise: batches of a portfolio's runs)"
          + " (default: the number of processors). Never changes the result.")
  Integer threads;

  @Option(names = "--no-progress", description = "Show no progress (default: a bar on stderr when it is a terminal,"
      + " else a plain line at each quarter of the work).")
  boolean noProgress;

  private boolean errIsTerminal;

  @Override
  public void errIsTerminal(boolean terminal) {
    errIsTerminal = terminal;
  }

  /** The worker threads asked for, or the number of processors; at least 1. */
  int workers() {
    if (threads != null && threads < 1) {
      throw new BadInputException("--threads must be at least 1, got " + threads);
    }
    return threads != null ? threads : SimulationOptions.defaultThreads();
  }

  /** The progress of {@code total} variants of {@code task}, as the options and stderr allow. */
  Progress progress(PrintWriter err, long total, String task) {
    return progress(err, total, task, "variants");
  }

  /** The progress of {@code total} {@code unit} (plural) of {@code task}, as the options and stderr allow. */
  Progress progress(PrintWriter err, long total, String task, String unit) {
    return Progress.on(err, !noProgress, errIsTerminal, total, task, unit);
  }
}
