package org.quartermaster.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quartermaster.engine.model.Cell;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.result.MonthsToTarget;
import org.quartermaster.engine.result.Shortfall;

/**
 * Runs SM-1 on many variants of one scenario, for sweeps. The scenario is compiled once; a variant
 * is the compiled base with a few values patched ({@link ScenarioPatch}), so no YAML is read again.
 *
 * <p><b>Common random numbers.</b> Run i of every variant draws from the stream of (seed, i)
 * ({@link RunStreams}), exactly as {@link Sm1Simulator} does, so a variant's statistics equal those
 * of a simulation of the patched scenario with the same runs and seed, and two variants differ only
 * by what their patches change. A run consumes its stream in MODEL.md's draw order: a patch that
 * changes how many uniforms a run uses (a demand rate, whose Poisson sample size varies; a disruption
 * probability from 0 to above 0; a ramp delay from fixed to spread) shifts the later draws of that
 * run, which keeps results unbiased but less correlated between those variants.
 *
 * <p>One variant runs on the calling thread, its blocks merged in block order, so results never
 * depend on how a caller spreads variants over threads. Thread-safe: the compiled base is immutable
 * and each call has its own state.
 */
public final class VariantSimulator {
  /** Runs per variant are capped where MODEL.md's quantiles stay exact. */
  public static final int MAX_RUNS = ClosingQuantiles.EXACT_MAX_RUNS;

  private final CompiledScenario base;

  public VariantSimulator(Scenario scenario) {
    this.base = new CompiledScenario(scenario);
  }

  /** The cells in result order ({@code Scenario.cells()}), the index space of cell patches and statistics. */
  public List<Cell> cells() {
    return base.cells;
  }

  /** Cells × months of one run, for throughput figures. */
  public long cellSteps(long runs) {
    return base.cellSteps(runs);
  }

  /**
   * Runs one variant.
   *
   * @param patches       the values this variant changes (validated by the caller)
   * @param runs          1 … {@link #MAX_RUNS}
   * @param seed          the base seed shared by every variant of a sweep
   * @param closingMonths months (0 … horizon − 1) at which closing-stock quantiles are wanted
   * @param probabilities the quantiles wanted there, each in [0, 1]
   */
  public VariantStatistics run(List<ScenarioPatch> patches, int runs, long seed, int[] closingMonths,
      double[] probabilities) {
    if (runs < 1 || runs > MAX_RUNS) {
      throw new IllegalArgumentException("runs per variant must be in 1.." + MAX_RUNS + ", got " + runs);
    }
    CompiledScenario s = PatchedValues.apply(base, patches);
    int blockSize = Math.min(Sm1Simulator.BLOCK_RUNS, runs);
    BlockRunner runner = new BlockRunner(s, new RandomDraws(s, seed, blockSize), blockSize, false);
    SelectedMonthValues closing = new SelectedMonthValues(s, runs, closingMonths);
    BlockTotals totals = new BlockTotals(s, -1);
    long block = 0;
    for (long first = 0; first < runs; first += blockSize) {
      BlockTotals blockTotals = new BlockTotals(s, block++);
      runner.run(first, (int) Math.min(blockSize, runs - first), blockTotals, closing);
      totals.merge(blockTotals);
    }
    return statistics(s, runs, totals, closing, probabilities);
  }

  /**
   * Runs one variant in deterministic mode (MODEL.md): one run with every random quantity replaced by
   * its expectation, so statistics are exact and probabilities are 0 or 1.
   */
  public VariantStatistics runExpected(List<ScenarioPatch> patches, int[] closingMonths, double[] probabilities) {
    CompiledScenario s = PatchedValues.apply(base, patches);
    BlockRunner runner = new BlockRunner(s, new ExpectedDraws(s), 1, false);
    SelectedMonthValues closing = new SelectedMonthValues(s, 1, closingMonths);
    BlockTotals totals = new BlockTotals(s, -1);
    BlockTotals blockTotals = new BlockTotals(s, 0);
    runner.run(0, 1, blockTotals, closing);
    totals.merge(blockTotals);
    return statistics(s, 1, totals, closing, probabilities);
  }

  private static VariantStatistics statistics(CompiledScenario s, int runs, BlockTotals totals,
      SelectedMonthValues closing, double[] probabilities) {
    List<Optional<MonthsToTarget>> months = new ArrayList<>();
    List<Shortfall> shortfalls = new ArrayList<>();
    double[][][] quantiles = new double[s.cellCount][][];
    int targetSlot = 0;
    BucketSelect select = new BucketSelect();
    for (int c = 0; c < s.cellCount; c++) {
      months.add(s.hasTarget(c)
          ? Optional.of(Results.monthsToTarget(totals.reachedCounts, targetSlot++, s.months, runs))
          : Optional.empty());
      shortfalls.add(new Shortfall(totals.shortfallTotal.mean(c), totals.shortfallTotal.std(c),
          (double) totals.anyShortfallRuns[c] / runs));
      quantiles[c] = closing.quantiles(c, probabilities, select);
    }
    return new VariantStatistics(months, shortfalls, quantiles);
  }
}
