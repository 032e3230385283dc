package org.quartermaster.engine.simulation;

import java.util.Arrays;

/**
 * Runs one block of consecutive runs through every month of SM-1 (MODEL.md "One run").
 *
 * <p><b>The loop.</b> For each month t the whole block advances together, step by step as MODEL.md
 * orders them: {@link #capacityAndOutput} (steps 1–2), {@link #inflow} (3), {@link #transfers} (4),
 * {@link #demand} (5), then {@link #record} hands the month's closing stocks to the statistics. Each
 * step loops over lines or cells, and inside over the runs of the block.
 *
 * <p><b>Memory layout.</b> State lives in flat primitive arrays indexed [entity × blockSize + run]
 * ({@code stockByCellRun}, {@code outputByLineRun}, …), so the inner loops walk contiguous memory;
 * a per-run layout lost a quarter or more of the speed to scattered stores. Nothing is allocated,
 * boxed or looked up in a map inside the month loop.
 *
 * <p><b>Reproducibility.</b> The random quantities come from {@link Draws}, whose streams are per run
 * (seeded from seed and run index only); this class is otherwise pure arithmetic evaluated in
 * MODEL.md's order. A block's statistics ({@link BlockTotals}) depend only on its runs, and blocks are
 * merged in block order, so the thread count never changes a bit of the result.
 *
 * <p>This class is larger than most because the hot path is kept in one place on purpose. One
 * instance per worker thread.
 */
final class BlockRunner {
  private final CompiledScenario s;
  private final Draws draws;
  private final int blockSize;
  private final boolean check;

  private final double[] stockByCellRun;
  private final double[] outputByLineRun;
  private final double[] rampStartByLineRun;
  private final double[] deliveredByLineRun;
  private final double[] shortfallByCellRun;
  private final boolean[] anyShortfallByCellRun;
  private final double[] transferShortfallByTransferRun;
  /** Month count to target per (target cell, run): 0 … T, or -1 while not reached. */
  private final int[] reachedByTargetRun;
  /** This step's draws for the runs of the block (ramp delays, B, or D). */
  private final double[] drawByRun;
  /** Check mode only: stock at the start of the month, and what the month's flows should add to it. */
  private final double[] openingByCellRun;
  private final double[] netFlowByCellRun;

  BlockRunner(CompiledScenario compiled, Draws draws, int blockSize, boolean check) {
    this.s = compiled;
    this.draws = draws;
    this.blockSize = blockSize;
    this.check = check;
    stockByCellRun = new double[s.cellCount * blockSize];
    outputByLineRun = new double[s.lineCount * blockSize];
    rampStartByLineRun = new double[s.lineCount * blockSize];
    deliveredByLineRun = new double[s.lineCount * blockSize];
    shortfallByCellRun = new double[s.cellCount * blockSize];
    anyShortfallByCellRun = new boolean[s.cellCount * blockSize];
    transferShortfallByTransferRun = new double[s.transferCount * blockSize];
    reachedByTargetRun = new int[s.targetCells.length * blockSize];
    drawByRun = new double[blockSize];
    openingByCellRun = check ? new double[s.cellCount * blockSize] : null;
    netFlowByCellRun = check ? new double[s.cellCount * blockSize] : null;
  }

  /** Simulates runs {@code firstRun … firstRun + runs − 1} and adds their statistics to the arguments. */
  void run(long firstRun, int runs, BlockTotals totals, QuantileSink quantiles) {
    start(firstRun, runs);
    for (int t = 0; t < s.months; t++) {
      if (check) {
        beginCheck(runs);
      }
      capacityAndOutput(t, runs);
      inflow(runs);
      transfers(t, runs);
      demand(t, runs);
      if (check) {
        endCheck(firstRun, t, runs);
      }
      reachTargets(t, runs);
      record(t, firstRun, runs, totals, quantiles);
    }
    totals.addRunTotals(runs, blockSize, deliveredByLineRun, shortfallByCellRun, anyShortfallByCellRun,
        transferShortfallByTransferRun, reachedByTargetRun);
  }

  private void start(long firstRun, int runs) {
    draws.startBlock(firstRun, runs);
    Arrays.fill(deliveredByLineRun, 0.0);
    Arrays.fill(shortfallByCellRun, 0.0);
    Arrays.fill(anyShortfallByCellRun, false);
    Arrays.fill(transferShortfallByTransferRun, 0.0);
    for (int c = 0; c < s.cellCount; c++) {
      Arrays.fill(stockByCellRun, c * blockSize, c * blockSize + runs, s.initialByCell[c]);
    }
    for (int k = 0; k < s.targetCells.length; k++) {
      int c = s.targetCells[k];
      Arrays.fill(reachedByTargetRun, k * blockSize, k * blockSize + runs,
          s.initialByCell[c] >= s.targetByCell[c] ? 0 : -1);
    }
    // the ramp delays are the first draws of every run, one per line in declaration order
    for (int l = 0; l < s.lineCount; l++) {
      int base = l * blockSize;
      draws.rampDelays(l, drawByRun, runs);
      for (int r = 0; r < runs; r++) {
        rampStartByLineRun[base + r] = s.rampStartMonth[l] + drawByRun[r];
      }
    }
  }

  /** Steps 1 and 2: capacity from the ramp, output after a possible disruption. */
  private void capacityAndOutput(int t, int runs) {
    for (int l = 0; l < s.lineCount; l++) {
      double c0 = s.basePerMonth[l];
      double c1 = s.surgePerMonth[l];
      double rampMonths = s.rampMonths[l];
      double cut = s.disruptionCut[l];
      // p = 0: B = 0 in either mode, and cap · (1 − f · 0) is exactly cap, so no draw is needed
      boolean disruptible = s.disruptionProbability[l] > 0;
      if (disruptible) {
        draws.disruptions(l, drawByRun, runs);
      }
      int base = l * blockSize;
      for (int r = 0; r < runs; r++) {
        double start = rampStartByLineRun[base + r];
        double cap;
        if (t < start) {
          cap = c0;
        } else if (rampMonths == 0 || t >= start + rampMonths) {
          cap = c1;
        } else {
          cap = c0 + (c1 - c0) * (t - start) / rampMonths;
        }
        double out = disruptible ? cap * (1 - cut * drawByRun[r]) : cap;
        outputByLineRun[base + r] = out;
        deliveredByLineRun[base + r] += out;
      }
    }
  }

  /** Step 3: each cell's inflow, summed from 0 over its lines in declaration order, added to S. */
  private void inflow(int runs) {
    for (int c = 0; c < s.cellCount; c++) {
      int first = s.inflowStart[c];
      int end = s.inflowStart[c + 1];
      if (first == end) {
        continue;
      }
      int cellBase = c * blockSize;
      for (int r = 0; r < runs; r++) {
        double inflow = 0.0;
        for (int k = first; k < end; k++) {
          inflow += outputByLineRun[s.inflowLine[k] * blockSize + r] * s.inflowShare[k];
        }
        stockByCellRun[cellBase + r] = stockByCellRun[cellBase + r] + inflow;
        if (check) {
          netFlowByCellRun[cellBase + r] += inflow;
        }
      }
    }
  }

  /** Step 4: transfers due this month, in declared order; what cannot move is their shortfall. */
  private void transfers(int t, int runs) {
    for (int slot = s.transferStart[t]; slot < s.transferStart[t + 1]; slot++) {
      int from = s.transferFromCell[slot] * blockSize;
      int to = s.transferToCell[slot] * blockSize;
      int shortfall = s.transferIndex[slot] * blockSize;
      double quantity = s.transferQuantity[slot];
      for (int r = 0; r < runs; r++) {
        double moved = Math.min(quantity, stockByCellRun[from + r]);
        stockByCellRun[from + r] -= moved;
        stockByCellRun[to + r] += moved;
        transferShortfallByTransferRun[shortfall + r] += quantity - moved;
        if (check) {
          netFlowByCellRun[from + r] -= moved;
          netFlowByCellRun[to + r] += moved;
        }
      }
    }
  }

  /** Step 5: demand D is served from what is available; the rest is shortfall. */
  private void demand(int t, int runs) {
    for (int c = 0; c < s.cellCount; c++) {
      int demandIndex = s.demandIndexByCellMonth[c * s.months + t];
      if (demandIndex < 0) {
        continue; // λ = 0: D = 0, nothing served, nothing short
      }
      int base = c * blockSize;
      draws.demands(demandIndex, drawByRun, runs);
      for (int r = 0; r < runs; r++) {
        double available = stockByCellRun[base + r];
        double demanded = drawByRun[r];
        double served = Math.min(available, demanded);
        double shortfall = demanded - served;
        stockByCellRun[base + r] = available - served;
        shortfallByCellRun[base + r] += shortfall;
        if (shortfall > 0) {
          anyShortfallByCellRun[base + r] = true;
        }
        if (check) {
          netFlowByCellRun[base + r] -= served;
        }
      }
    }
  }

  private void reachTargets(int t, int runs) {
    for (int k = 0; k < s.targetCells.length; k++) {
      int c = s.targetCells[k];
      double target = s.targetByCell[c];
      int cellBase = c * blockSize;
      int base = k * blockSize;
      for (int r = 0; r < runs; r++) {
        if (reachedByTargetRun[base + r] < 0 && stockByCellRun[cellBase + r] >= target) {
          reachedByTargetRun[base + r] = t + 1;
        }
      }
    }
  }

  private void record(int t, long firstRun, int runs, BlockTotals totals, QuantileSink quantiles) {
    for (int c = 0; c < s.cellCount; c++) {
      int base = c * blockSize;
      totals.addClosing(c, t, stockByCellRun, base, runs);
      quantiles.record(c, t, stockByCellRun, base, runs, firstRun);
    }
  }

  private void beginCheck(int runs) {
    for (int c = 0; c < s.cellCount; c++) {
      int base = c * blockSize;
      System.arraycopy(stockByCellRun, base, openingByCellRun, base, runs);
      Arrays.fill(netFlowByCellRun, base, base + runs, 0.0);
    }
  }

  private void endCheck(long firstRun, int t, int runs) {
    for (int c = 0; c < s.cellCount; c++) {
      int base = c * blockSize;
      for (int r = 0; r < runs; r++) {
        double closing = stockByCellRun[base + r];
        double opening = openingByCellRun[base + r];
        double expected = opening + netFlowByCellRun[base + r];
        double tolerance = 1e-9 * Math.max(1.0, Math.abs(opening) + Math.abs(closing));
        if (!(closing >= 0) || !(Math.abs(closing - expected) <= tolerance)) {
          throw new InvariantViolationException(String.format(
              "SM-1 invariant broken in run %d, month %d, cell (%s, %s): opening %s, net flows %s, closing %s"
                  + " (closing must be >= 0 and equal opening + inflow + transfers in - out - served)",
              firstRun + r, t, s.cells.get(c).holder(), s.cells.get(c).item(), opening,
              netFlowByCellRun[base + r], closing));
        }
      }
    }
  }
}
