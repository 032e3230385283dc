package org.quartermaster.engine.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.quartermaster.engine.model.Cell;
import org.quartermaster.engine.model.DemandSegment;
import org.quartermaster.engine.model.ProductionLine;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.model.Share;
import org.quartermaster.engine.model.Stock;
import org.quartermaster.engine.model.Transfer;

/**
 * A deliberately simple SM-1, written from MODEL.md "One run" and "Results" alone, to compare the
 * engine with: one run at a time, scalar arithmetic, state in maps keyed by cell, line id or transfer
 * index, no arrays shared between runs, no blocks, no merging. Speed does not matter here; being
 * obviously right does. Every expression is written as MODEL.md writes it (float64, left to right).
 *
 * <p>Deterministic mode replaces every random quantity by its expectation. Stochastic mode draws
 * from the engine's per-run streams ({@link RunStreams#forRun}) in the order {@link RandomDraws}
 * documents (one uniform per line for the ramp delay unless min = max; then each month one uniform
 * per line with p &gt; 0, and one Poisson draw per cell with λ &gt; 0 in cell order), so that its
 * runs are the engine's runs and even stochastic results can be compared to rounding.
 */
final class ReferenceSm1 {
  private ReferenceSm1() {}

  /** What one run produced. {@code monthsToTarget} holds +∞ for a cell that never reached its target. */
  record Run(
      Map<Cell, double[]> closingByCell,
      Map<Cell, Double> monthsToTarget,
      Map<Cell, Double> shortfallByCell,
      Map<Cell, Boolean> anyShortfallByCell,
      Map<String, Double> deliveredByLine,
      Map<Integer, Double> shortfallByTransfer) {}

  /** Results of one cell over all runs; months to target fields are null without a target (or when censored). */
  record CellSummary(
      Cell cell,
      double[] mean,
      double[] std,
      double[] p5,
      double[] p50,
      double[] p95,
      Double reachedProbability,
      Double monthsP50,
      Double monthsP90,
      double shortfallExpectedTotal,
      double shortfallStdTotal,
      double shortfallProbabilityAny) {}

  /** Results over all runs; quantiles are exact type 7 whatever the number of runs. */
  record Summary(
      int runs, List<CellSummary> cells, Map<String, Double> expectedDeliveredByLine,
      Map<Integer, Double> expectedShortfallByTransfer) {}

  /** Where a run's random quantities come from. */
  private interface Randomness {
    double rampDelay(ProductionLine line);

    double disruption(ProductionLine line);

    double demand(double lambda);
  }

  static Summary deterministic(Scenario scenario) {
    Randomness expectations = new Randomness() {
      @Override
      public double rampDelay(ProductionLine line) {
        return (line.rampDelayMonths().min() + line.rampDelayMonths().mode() + line.rampDelayMonths().max()) / 3;
      }

      @Override
      public double disruption(ProductionLine line) {
        return line.disruption().probability();
      }

      @Override
      public double demand(double lambda) {
        return lambda;
      }
    };
    return summarise(scenario, List.of(run(scenario, expectations)));
  }

  static Summary stochastic(Scenario scenario, long seed, int runs) {
    return summarise(scenario, stochasticRuns(scenario, seed, runs));
  }

  static List<Run> stochasticRuns(Scenario scenario, long seed, int runs) {
    List<Run> out = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      out.add(run(scenario, new StreamRandomness(RunStreams.forRun(seed, r))));
    }
    return out;
  }

  /** MODEL.md's cell order: stocks in order, then each line's shares as written, then each transfer's from and to. */
  static List<Cell> cells(Scenario scenario) {
    LinkedHashSet<Cell> cells = new LinkedHashSet<>();
    for (Stock stock : scenario.stocks()) {
      cells.add(new Cell(stock.holder(), stock.item()));
    }
    for (ProductionLine line : scenario.lines()) {
      for (Share share : line.shares()) {
        cells.add(new Cell(share.holder(), line.item()));
      }
    }
    for (Transfer transfer : scenario.transfers()) {
      cells.add(new Cell(transfer.from(), transfer.item()));
      cells.add(new Cell(transfer.to(), transfer.item()));
    }
    return new ArrayList<>(cells);
  }

  private static Run run(Scenario scenario, Randomness random) {
    List<Cell> cells = cells(scenario);
    int months = scenario.horizonMonths();
    Map<Cell, Stock> stockOf = new HashMap<>();
    for (Stock stock : scenario.stocks()) {
      stockOf.put(new Cell(stock.holder(), stock.item()), stock);
    }
    Map<Cell, Double> s = new HashMap<>();
    Map<Cell, double[]> closing = new LinkedHashMap<>();
    Map<Cell, Double> monthsToTarget = new LinkedHashMap<>();
    Map<Cell, Double> shortfall = new LinkedHashMap<>();
    Map<Cell, Boolean> anyShortfall = new LinkedHashMap<>();
    for (Cell cell : cells) {
      Stock stock = stockOf.get(cell);
      double initial = stock == null ? 0.0 : stock.initial();
      s.put(cell, initial);
      closing.put(cell, new double[months]);
      shortfall.put(cell, 0.0);
      anyShortfall.put(cell, false);
      if (stock != null && stock.target().isPresent()) {
        monthsToTarget.put(cell, initial >= stock.target().getAsDouble() ? 0.0 : Double.POSITIVE_INFINITY);
      }
    }
    Map<String, Double> delivered = new LinkedHashMap<>();
    Map<String, Double> start = new HashMap<>();
    for (ProductionLine line : scenario.lines()) {
      delivered.put(line.id(), 0.0);
      start.put(line.id(), line.rampStartMonth() + random.rampDelay(line));
    }
    Map<Integer, Double> transferShortfall = new LinkedHashMap<>();
    for (int j = 0; j < scenario.transfers().size(); j++) {
      transferShortfall.put(j, 0.0);
    }

    for (int t = 0; t < months; t++) {
      // 1 and 2: capacity and output, lines in declaration order
      Map<String, Double> out = new HashMap<>();
      for (ProductionLine line : scenario.lines()) {
        double c0 = line.basePerMonth();
        double c1 = line.surgePerMonth();
        double r = line.rampMonths();
        double lineStart = start.get(line.id());
        double cap;
        if (t < lineStart) {
          cap = c0;
        } else if (r == 0 || t >= lineStart + r) {
          cap = c1;
        } else {
          cap = c0 + (c1 - c0) * (t - lineStart) / r;
        }
        double b = random.disruption(line);
        double output = cap * (1 - line.disruption().cut() * b);
        out.put(line.id(), output);
        delivered.put(line.id(), delivered.get(line.id()) + output);
      }
      // 3: inflow, summed from 0.0 over the cell's lines in declaration order, then added to S
      Map<Cell, Double> available = new HashMap<>();
      for (Cell cell : cells) {
        double inflow = 0.0;
        for (ProductionLine line : scenario.lines()) {
          if (line.item().equals(cell.item())) {
            for (Share share : line.shares()) {
              if (share.holder().equals(cell.holder())) {
                inflow += out.get(line.id()) * share(line, share);
              }
            }
          }
        }
        available.put(cell, s.get(cell) + inflow);
      }
      // 4: transfers due this month, in the order declared
      for (int j = 0; j < scenario.transfers().size(); j++) {
        Transfer transfer = scenario.transfers().get(j);
        if (transfer.month() != t) {
          continue;
        }
        Cell from = new Cell(transfer.from(), transfer.item());
        Cell to = new Cell(transfer.to(), transfer.item());
        double q = Math.min(transfer.quantity(), available.get(from));
        available.put(from, available.get(from) - q);
        available.put(to, available.get(to) + q);
        transferShortfall.put(j, transferShortfall.get(j) + (transfer.quantity() - q));
      }
      // 5: demand, cells in cell order
      for (Cell cell : cells) {
        double lambda = lambda(stockOf.get(cell), t);
        double d = lambda > 0 ? random.demand(lambda) : 0.0;
        double a = available.get(cell);
        double served = Math.min(a, d);
        double unserved = d - served;
        s.put(cell, a - served);
        shortfall.put(cell, shortfall.get(cell) + unserved);
        if (unserved > 0) {
          anyShortfall.put(cell, true);
        }
        closing.get(cell)[t] = s.get(cell);
        Stock stock = stockOf.get(cell);
        if (monthsToTarget.containsKey(cell) && monthsToTarget.get(cell) == Double.POSITIVE_INFINITY
            && s.get(cell) >= stock.target().getAsDouble()) {
          monthsToTarget.put(cell, t + 1.0);
        }
      }
    }
    return new Run(closing, monthsToTarget, shortfall, anyShortfall, delivered, transferShortfall);
  }

  /** share(h) = weight / Σ weights, the weights summed in declaration order. */
  private static double share(ProductionLine line, Share share) {
    double sum = 0.0;
    for (Share each : line.shares()) {
      sum += each.weight();
    }
    return share.weight() / sum;
  }

  /** The demand rate in month t: the last segment starting at or before t, 0 before the first (or without a stock). */
  private static double lambda(Stock stock, int t) {
    double lambda = 0.0;
    if (stock != null) {
      for (DemandSegment segment : stock.demand()) {
        if (segment.fromMonth() <= t) {
          lambda = segment.perMonth();
        }
      }
    }
    return lambda;
  }

  static Summary summarise(Scenario scenario, List<Run> runs) {
    int n = runs.size();
    int months = scenario.horizonMonths();
    List<CellSummary> cells = new ArrayList<>();
    for (Cell cell : cells(scenario)) {
      double[] mean = new double[months];
      double[] std = new double[months];
      double[] p5 = new double[months];
      double[] p50 = new double[months];
      double[] p95 = new double[months];
      for (int t = 0; t < months; t++) {
        double[] values = new double[n];
        for (int r = 0; r < n; r++) {
          values[r] = runs.get(r).closingByCell().get(cell)[t];
        }
        mean[t] = mean(values);
        std[t] = std(values);
        p5[t] = typeSeven(values, 0.05);
        p50[t] = typeSeven(values, 0.50);
        p95[t] = typeSeven(values, 0.95);
      }
      Double reached = null;
      Double monthsP50 = null;
      Double monthsP90 = null;
      if (runs.get(0).monthsToTarget().containsKey(cell)) {
        double[] monthsToTarget = new double[n];
        int reachedRuns = 0;
        for (int r = 0; r < n; r++) {
          monthsToTarget[r] = runs.get(r).monthsToTarget().get(cell);
          reachedRuns += monthsToTarget[r] < Double.POSITIVE_INFINITY ? 1 : 0;
        }
        reached = (double) reachedRuns / n;
        monthsP50 = finiteOrNull(typeSeven(monthsToTarget, 0.5));
        monthsP90 = finiteOrNull(typeSeven(monthsToTarget, 0.9));
      }
      double[] totals = new double[n];
      int anyRuns = 0;
      for (int r = 0; r < n; r++) {
        totals[r] = runs.get(r).shortfallByCell().get(cell);
        anyRuns += runs.get(r).anyShortfallByCell().get(cell) ? 1 : 0;
      }
      cells.add(new CellSummary(cell, mean, std, p5, p50, p95, reached, monthsP50, monthsP90, mean(totals),
          std(totals), (double) anyRuns / n));
    }
    Map<String, Double> delivered = new LinkedHashMap<>();
    for (ProductionLine line : scenario.lines()) {
      double[] values = new double[n];
      for (int r = 0; r < n; r++) {
        values[r] = runs.get(r).deliveredByLine().get(line.id());
      }
      delivered.put(line.id(), mean(values));
    }
    Map<Integer, Double> transferShortfall = new LinkedHashMap<>();
    for (int j = 0; j < scenario.transfers().size(); j++) {
      double[] values = new double[n];
      for (int r = 0; r < n; r++) {
        values[r] = runs.get(r).shortfallByTransfer().get(j);
      }
      transferShortfall.put(j, mean(values));
    }
    return new Summary(n, cells, delivered, transferShortfall);
  }

  static double mean(double[] values) {
    double sum = 0.0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }

  /** Sample standard deviation, n − 1 in the denominator; 0 for a single value. */
  static double std(double[] values) {
    if (values.length < 2) {
      return 0.0;
    }
    double mean = mean(values);
    double squares = 0.0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }

  /**
   * Type-7 quantile (numpy's default) from a sorted copy: h = (n − 1)·q, interpolating between the
   * order statistics floor(h) and floor(h) + 1. +∞ when an order statistic it needs is +∞.
   */
  static double typeSeven(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    double g = h - lo;
    if (g == 0) {
      return sorted[lo];
    }
    double a = sorted[lo];
    double b = sorted[lo + 1];
    if (a == Double.POSITIVE_INFINITY || b == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    return a + (b - a) * g;
  }

  private static Double finiteOrNull(double x) {
    return x == Double.POSITIVE_INFINITY ? null : x;
  }

  /** Stochastic mode: one run's own stream, drawn in the engine's documented order. */
  private static final class StreamRandomness implements Randomness {
    private final UniformRandomProvider rng;
    private final Map<Double, DiscreteSampler> poissonByLambda = new HashMap<>();

    StreamRandomness(UniformRandomProvider rng) {
      this.rng = rng;
    }

    @Override
    public double rampDelay(ProductionLine line) {
      double a = line.rampDelayMonths().min();
      double b = line.rampDelayMonths().mode();
      double c = line.rampDelayMonths().max();
      return a == c ? a : Triangular.inverseCdf(rng.nextDouble(), a, b, c);
    }

    @Override
    public double disruption(ProductionLine line) {
      double p = line.disruption().probability();
      if (p == 0) {
        return 0.0;
      }
      return rng.nextDouble() < p ? 1.0 : 0.0;
    }

    @Override
    public double demand(double lambda) {
      return poissonByLambda.computeIfAbsent(lambda, x -> PoissonTable.of(x).sampler(rng)).sample();
    }
  }
}
