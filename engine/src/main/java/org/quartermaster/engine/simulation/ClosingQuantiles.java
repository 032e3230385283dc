package org.quartermaster.engine.simulation;

/**
 * P5, P50 and P95 of closing stock per (cell, month) over all runs, type 7 (numpy's default).
 * {@link ExactClosingQuantiles} keeps every value (up to {@value #EXACT_MAX_RUNS} runs, as MODEL.md
 * requires); {@link EstimatedClosingQuantiles} keeps bounded-error histograms whose memory does not
 * grow with the number of runs.
 */
sealed interface ClosingQuantiles permits ExactClosingQuantiles, EstimatedClosingQuantiles {
  int EXACT_MAX_RUNS = 10_000;
  double[] PROBABILITIES = {0.05, 0.50, 0.95};

  static ClosingQuantiles forRuns(CompiledScenario s, long runs) {
    return runs <= EXACT_MAX_RUNS ? new ExactClosingQuantiles(s, (int) runs) : new EstimatedClosingQuantiles(s);
  }

  /** A sink for one worker thread; values recorded through it are part of the result. */
  QuantileSink sinkForWorker();

  /** Called once, after every run is recorded and before {@link #quantiles}. */
  void finish();

  /**
   * The type-7 quantiles of {@link #PROBABILITIES} for one cell, [quantile][month]. Safe to call
   * concurrently for different cells.
   */
  double[][] quantiles(int cell);
}
