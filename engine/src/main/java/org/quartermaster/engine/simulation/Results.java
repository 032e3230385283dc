package org.quartermaster.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.quartermaster.engine.model.Cell;
import org.quartermaster.engine.model.ProductionLine;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.model.Transfer;
import org.quartermaster.engine.result.CellResult;
import org.quartermaster.engine.result.ClosingStock;
import org.quartermaster.engine.result.LineResult;
import org.quartermaster.engine.result.MonthsToTarget;
import org.quartermaster.engine.result.Shortfall;
import org.quartermaster.engine.result.SimulationResult;
import org.quartermaster.engine.result.TransferResult;

/** Turns merged totals and quantiles into a {@link SimulationResult} (MODEL.md "Results"), every number finite. */
final class Results {
  private Results() {}

  static SimulationResult of(CompiledScenario s, SimulationOptions options, long runs,
      BlockTotals totals, List<double[][]> quantilesByCell) {
    Scenario scenario = s.scenario;
    List<CellResult> cells = new ArrayList<>();
    int targetSlot = 0;
    for (int c = 0; c < s.cellCount; c++) {
      double[] mean = new double[s.months];
      double[] std = new double[s.months];
      for (int t = 0; t < s.months; t++) {
        mean[t] = totals.closing.mean(c * s.months + t);
        std[t] = totals.closing.std(c * s.months + t);
      }
      double[][] q = quantilesByCell.get(c);
      Optional<MonthsToTarget> months = Optional.empty();
      if (s.hasTarget(c)) {
        months = Optional.of(monthsToTarget(totals.reachedCounts, targetSlot++, s.months, runs));
      }
      Cell cell = s.cells.get(c);
      cells.add(new CellResult(cell.holder(), cell.item(), s.initialByCell[c],
          s.hasTarget(c) ? OptionalDouble.of(s.targetByCell[c]) : OptionalDouble.empty(),
          new ClosingStock(mean, std, q[0], q[1], q[2]), months,
          new Shortfall(totals.shortfallTotal.mean(c), totals.shortfallTotal.std(c),
              (double) totals.anyShortfallRuns[c] / runs)));
    }
    List<LineResult> lines = new ArrayList<>();
    for (int l = 0; l < s.lineCount; l++) {
      ProductionLine line = scenario.lines().get(l);
      lines.add(new LineResult(line.id(), line.item(), totals.delivered.mean(l), totals.delivered.std(l)));
    }
    List<TransferResult> transfers = new ArrayList<>();
    for (int j = 0; j < s.transferCount; j++) {
      Transfer transfer = scenario.transfers().get(j);
      transfers.add(new TransferResult(j, transfer.from(), transfer.to(), transfer.item(), transfer.month(),
          transfer.quantity(), totals.transferShortfall.mean(j), totals.transferShortfall.std(j)));
    }
    OptionalLong seed = options.seed() == null ? OptionalLong.empty() : OptionalLong.of(options.seed());
    return FiniteResult.require(new SimulationResult(scenario.name(), options.mode(), runs, seed, s.months,
        scenario.start(), cells, lines, transfers));
  }

  /** Exact type-7 quantiles of months to target from the per-month counts, never-reached runs as +∞. */
  static MonthsToTarget monthsToTarget(long[] reachedCounts, int slot, int months, long runs) {
    int width = months + 2;
    long never = reachedCounts[slot * width + months + 1];
    return new MonthsToTarget((double) (runs - never) / runs,
        quantileWithInfinity(reachedCounts, slot * width, months, runs, 0.5),
        quantileWithInfinity(reachedCounts, slot * width, months, runs, 0.9),
        cumulativeShares(reachedCounts, slot * width, months, runs));
  }

  /** Share of runs that reached the target by month m, for m = 0 … months. */
  private static double[] cumulativeShares(long[] counts, int offset, int months, long runs) {
    double[] shares = new double[months + 1];
    long reached = 0;
    for (int m = 0; m <= months; m++) {
      reached += counts[offset + m];
      shares[m] = (double) reached / runs;
    }
    return shares;
  }

  private static OptionalDouble quantileWithInfinity(long[] counts, int offset, int months, long runs, double q) {
    long lo = TypeSeven.lowerRank(runs, q);
    double g = TypeSeven.weight(runs, q);
    double a = orderStatistic(counts, offset, months, lo);
    double b = g > 0 ? orderStatistic(counts, offset, months, Math.min(lo + 1, runs - 1)) : a;
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(TypeSeven.interpolate(a, b, g));
  }

  private static double orderStatistic(long[] counts, int offset, int months, long rank) {
    long below = 0;
    for (int m = 0; m <= months; m++) {
      below += counts[offset + m];
      if (rank < below) {
        return m;
      }
    }
    return Double.POSITIVE_INFINITY;
  }
}
