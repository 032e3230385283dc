package org.quartermaster.engine.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.quartermaster.engine.model.Cell;
import org.quartermaster.engine.model.DemandSegment;
import org.quartermaster.engine.model.ProductionLine;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.model.Share;
import org.quartermaster.engine.model.Stock;
import org.quartermaster.engine.model.Transfer;

/**
 * A validated scenario turned into dense arrays, built once per simulation: cells and lines by index,
 * demand by (cell, month), normalised shares grouped by receiving cell, transfers grouped by month.
 * Immutable after construction (apart from the Poisson samplers, built once on first use under a lock)
 * and shared by all threads.
 */
final class CompiledScenario {
  final Scenario scenario;
  final List<Cell> cells;
  final int months;
  final int cellCount;
  final int lineCount;
  final int transferCount;

  final double[] initialByCell;
  /** Target by cell, NaN for a cell without one. */
  final double[] targetByCell;
  /** Indices of the cells that have a target, in cell order. */
  final int[] targetCells;
  /** Poisson mean λ of cell c in month t at [c * months + t]. */
  final double[] demandByCellMonth;
  /** Index into {@link #distinctDemands} for [c * months + t], or -1 when λ = 0. */
  final int[] demandIndexByCellMonth;
  final double[] distinctDemands;
  /** Built on first use by {@link #demandSamplers()} (stochastic mode only); guarded by this. */
  private SharedStateDiscreteSampler[] demandSamplers;
  /** The scenario this one was patched from, whose samplers it reuses for unchanged rates; null for a base. */
  private final CompiledScenario patchedFrom;

  final double[] basePerMonth;
  final double[] surgePerMonth;
  final double[] rampStartMonth;
  final double[] rampMonths;
  final double[] delayMin;
  final double[] delayMode;
  final double[] delayMax;
  final double[] disruptionProbability;
  final double[] disruptionCut;

  /** Inflow terms of cell c are [inflowStart[c], inflowStart[c + 1]), in line declaration order. */
  final int[] inflowStart;
  final int[] inflowLine;
  final double[] inflowShare;

  /** Transfers due in month t are [transferStart[t], transferStart[t + 1]) of the arrays below, in declared order. */
  final int[] transferStart;
  final int[] transferIndex;
  final int[] transferFromCell;
  final int[] transferToCell;
  final double[] transferQuantity;

  /** An upper bound of every closing stock of the cell (for sizing histograms). */
  final double[] stockBoundByCell;

  CompiledScenario(Scenario scenario) {
    this.scenario = scenario;
    this.cells = scenario.cells();
    this.months = scenario.horizonMonths();
    this.cellCount = cells.size();
    this.lineCount = scenario.lines().size();
    this.transferCount = scenario.transfers().size();
    Map<Cell, Integer> cellIndex = new HashMap<>();
    for (int c = 0; c < cellCount; c++) {
      cellIndex.put(cells.get(c), c);
    }

    initialByCell = new double[cellCount];
    targetByCell = new double[cellCount];
    java.util.Arrays.fill(targetByCell, Double.NaN);
    demandByCellMonth = new double[cellCount * months];
    List<Integer> targets = new ArrayList<>();
    for (Stock stock : scenario.stocks()) {
      int c = cellIndex.get(stock.cell());
      initialByCell[c] = stock.initial();
      stock.target().ifPresent(g -> targetByCell[c] = g);
      List<DemandSegment> segments = stock.demand();
      for (int k = 0; k < segments.size(); k++) {
        int end = k + 1 < segments.size() ? segments.get(k + 1).fromMonth() : months;
        for (int t = segments.get(k).fromMonth(); t < end; t++) {
          demandByCellMonth[c * months + t] = segments.get(k).perMonth();
        }
      }
    }
    for (int c = 0; c < cellCount; c++) {
      if (!Double.isNaN(targetByCell[c])) {
        targets.add(c);
      }
    }
    targetCells = targets.stream().mapToInt(Integer::intValue).toArray();

    demandIndexByCellMonth = new int[cellCount * months];
    distinctDemands = indexDemands(demandByCellMonth, demandIndexByCellMonth);
    patchedFrom = null;

    basePerMonth = new double[lineCount];
    surgePerMonth = new double[lineCount];
    rampStartMonth = new double[lineCount];
    rampMonths = new double[lineCount];
    delayMin = new double[lineCount];
    delayMode = new double[lineCount];
    delayMax = new double[lineCount];
    disruptionProbability = new double[lineCount];
    disruptionCut = new double[lineCount];
    List<List<double[]>> termsByCell = new ArrayList<>();
    for (int c = 0; c < cellCount; c++) {
      termsByCell.add(new ArrayList<>());
    }
    for (int l = 0; l < lineCount; l++) {
      ProductionLine line = scenario.lines().get(l);
      basePerMonth[l] = line.basePerMonth();
      surgePerMonth[l] = line.surgePerMonth();
      rampStartMonth[l] = line.rampStartMonth();
      rampMonths[l] = line.rampMonths();
      delayMin[l] = line.rampDelayMonths().min();
      delayMode[l] = line.rampDelayMonths().mode();
      delayMax[l] = line.rampDelayMonths().max();
      disruptionProbability[l] = line.disruption().probability();
      disruptionCut[l] = line.disruption().cut();
      double weightSum = 0.0;
      for (Share share : line.shares()) {
        weightSum += share.weight();
      }
      for (Share share : line.shares()) {
        int c = cellIndex.get(new Cell(share.holder(), line.item()));
        termsByCell.get(c).add(new double[] {l, share.weight() / weightSum});
      }
    }
    inflowStart = new int[cellCount + 1];
    int terms = termsByCell.stream().mapToInt(List::size).sum();
    inflowLine = new int[terms];
    inflowShare = new double[terms];
    int k = 0;
    for (int c = 0; c < cellCount; c++) {
      inflowStart[c] = k;
      for (double[] term : termsByCell.get(c)) {
        inflowLine[k] = (int) term[0];
        inflowShare[k] = term[1];
        k++;
      }
    }
    inflowStart[cellCount] = k;

    transferStart = new int[months + 1];
    transferIndex = new int[transferCount];
    transferFromCell = new int[transferCount];
    transferToCell = new int[transferCount];
    transferQuantity = new double[transferCount];
    List<Transfer> transfers = scenario.transfers();
    int slot = 0;
    for (int t = 0; t < months; t++) {
      transferStart[t] = slot;
      for (int j = 0; j < transferCount; j++) {
        Transfer transfer = transfers.get(j);
        if (transfer.month() == t) {
          transferIndex[slot] = j;
          transferFromCell[slot] = cellIndex.get(new Cell(transfer.from(), transfer.item()));
          transferToCell[slot] = cellIndex.get(new Cell(transfer.to(), transfer.item()));
          transferQuantity[slot] = transfer.quantity();
          slot++;
        }
      }
    }
    transferStart[months] = slot;
    stockBoundByCell = stockBounds();
  }

  /**
   * A copy of {@code base} with the values of {@code patched} (a sweep variant, see {@link VariantSimulator});
   * the arrays no patch can change are shared with {@code base}, and those derived from patched ones
   * (demand indices, stock bounds) are recomputed.
   */
  CompiledScenario(CompiledScenario base, PatchedValues patched) {
    this.scenario = base.scenario;
    this.cells = base.cells;
    this.months = base.months;
    this.cellCount = base.cellCount;
    this.lineCount = base.lineCount;
    this.transferCount = base.transferCount;
    this.initialByCell = patched.initialByCell;
    this.targetByCell = patched.targetByCell;
    this.targetCells = base.targetCells;
    this.demandByCellMonth = patched.demandByCellMonth;
    this.demandIndexByCellMonth = new int[cellCount * months];
    this.distinctDemands = indexDemands(demandByCellMonth, demandIndexByCellMonth);
    this.patchedFrom = base;
    this.basePerMonth = patched.basePerMonth;
    this.surgePerMonth = patched.surgePerMonth;
    this.rampStartMonth = patched.rampStartMonth;
    this.rampMonths = patched.rampMonths;
    this.delayMin = patched.delayMin;
    this.delayMode = patched.delayMode;
    this.delayMax = patched.delayMax;
    this.disruptionProbability = patched.disruptionProbability;
    this.disruptionCut = patched.disruptionCut;
    this.inflowStart = base.inflowStart;
    this.inflowLine = base.inflowLine;
    this.inflowShare = base.inflowShare;
    this.transferStart = base.transferStart;
    this.transferIndex = base.transferIndex;
    this.transferFromCell = base.transferFromCell;
    this.transferToCell = base.transferToCell;
    this.transferQuantity = patched.transferQuantity;
    this.stockBoundByCell = stockBounds();
  }

  /** Fills {@code indexByCellMonth} with each λ's index among the distinct positive rates (-1 for 0); returns them. */
  private static double[] indexDemands(double[] demandByCellMonth, int[] indexByCellMonth) {
    Map<Double, Integer> demandIndex = new LinkedHashMap<>();
    for (int k = 0; k < demandByCellMonth.length; k++) {
      double lambda = demandByCellMonth[k];
      indexByCellMonth[k] = lambda > 0 ? demandIndex.computeIfAbsent(lambda, x -> demandIndex.size()) : -1;
    }
    return demandIndex.keySet().stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Poisson samplers of {@link #distinctDemands}, bound to no generator ({@link PoissonTable#unboundSamplers}):
   * built once, on first use, and shared by every worker and by the variants patched from this scenario.
   */
  synchronized SharedStateDiscreteSampler[] demandSamplers() {
    if (demandSamplers == null) {
      demandSamplers = patchedFrom == null
          ? PoissonTable.unboundSamplers(distinctDemands, new double[0], new SharedStateDiscreteSampler[0])
          : PoissonTable.unboundSamplers(distinctDemands, patchedFrom.distinctDemands, patchedFrom.demandSamplers());
    }
    return demandSamplers;
  }

  boolean hasTarget(int cell) {
    return !Double.isNaN(targetByCell[cell]);
  }

  long cellSteps(long runs) {
    return runs * months * cellCount;
  }

  private double[] stockBounds() {
    double[] bound = initialByCell.clone();
    for (int c = 0; c < cellCount; c++) {
      for (int k = inflowStart[c]; k < inflowStart[c + 1]; k++) {
        int l = inflowLine[k];
        bound[c] += months * Math.max(basePerMonth[l], surgePerMonth[l]) * inflowShare[k];
      }
    }
    for (int j = 0; j < transferCount; j++) {
      bound[transferToCell[j]] += transferQuantity[j];
    }
    return bound;
  }
}
