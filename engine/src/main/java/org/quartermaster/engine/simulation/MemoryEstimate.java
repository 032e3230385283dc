package org.quartermaster.engine.simulation;

import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.result.Mode;

/**
 * What a simulation will hold in memory, estimated from its sizes alone before it starts (a server
 * admits runs into a shared heap with it). The dominant terms scale with cells × months (series):
 * the compiled demand (12 bytes a series), the merged and in-flight block statistics (16 bytes a
 * series each: one merged, and up to two per worker, running and waiting to merge), the closing
 * stocks kept for quantiles (exact: 8 bytes a series and run, up to {@value ClosingQuantiles#EXACT_MAX_RUNS}
 * runs; estimated: histogram windows of a few hundred bytes a series and worker) and the result
 * (five numbers a series). Deliberately on the high side; the JSON length is checked against real
 * results in MemoryEstimateTest.
 *
 * @param workingBytes    the heap the engine uses while it runs, up to and including the finished
 *                        {@link org.quartermaster.engine.result.SimulationResult}
 * @param resultJsonBytes about how long the result is as result format v1 JSON
 */
public record MemoryEstimate(long workingBytes, long resultJsonBytes) {
  /** Histogram windows of {@link EstimatedClosingQuantiles} per series and worker (they grow with the spread). */
  private static final double ESTIMATED_QUANTILE_BYTES = 512;
  /** Characters of one number in result format v1 (a double's shortest form and its separator). */
  private static final double JSON_NUMBER_BYTES = 24;

  public MemoryEstimate {
    if (workingBytes < 0 || resultJsonBytes < 0) {
      throw new IllegalArgumentException("estimates must not be negative");
    }
  }

  /** The estimate for running {@code scenario} with {@code options} (its mode, runs and threads). */
  public static MemoryEstimate of(Scenario scenario, SimulationOptions options) {
    boolean deterministic = options.mode() == Mode.DETERMINISTIC;
    double cells = scenario.cells().size();
    double months = scenario.horizonMonths();
    double runs = deterministic ? 1 : options.runs();
    double blockRuns = deterministic ? 1 : Sm1Simulator.BLOCK_RUNS;
    double workers = Math.max(1, Math.min(options.threads(), Math.ceil(runs / blockRuns)));
    double lines = scenario.lines().size();
    double transfers = scenario.transfers().size();
    double targets = scenario.stocks().stream().filter(s -> s.target().isPresent()).count();
    double series = cells * months;

    double compiled = 12 * series + 64 * (cells + lines + transfers);
    double oneBlockTotals = 16 * series + 8 * targets * (months + 2) + 32 * (cells + lines + transfers);
    double totals = (1 + 2 * workers) * oneBlockTotals;
    double runners = workers * 8 * blockRuns * (5 * cells + 3 * lines + transfers + targets + 1);
    double quantiles = runs <= ClosingQuantiles.EXACT_MAX_RUNS
        ? series * (24 + 8 * runs)
        : workers * series * ESTIMATED_QUANTILE_BYTES;
    double result = 40 * series + 8 * targets * (months + 1) + 256 * (cells + lines + transfers);
    double json = JSON_NUMBER_BYTES * (5 * series + targets * (months + 1)) + 400 * cells + 150 * lines
        + 250 * transfers + 1024;
    return new MemoryEstimate(bytes(compiled + totals + runners + quantiles + result), bytes(json));
  }

  private static long bytes(double x) {
    return x >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(x);
  }
}
