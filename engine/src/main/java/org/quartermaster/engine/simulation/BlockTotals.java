package org.quartermaster.engine.simulation;

/**
 * The statistics of one block of runs (or, after merging, of all runs so far) except quantiles of
 * closing stock, which {@link QuantileSink} keeps. Blocks are merged in block order only.
 */
final class BlockTotals {
  final long blockIndex;
  private final int months;
  /** Closing stock per [cell × months + month]. */
  final Moments closing;
  final Moments shortfallTotal;
  final long[] anyShortfallRuns;
  final Moments delivered;
  final Moments transferShortfall;
  /** Per target cell k: runs that reached the target after m months at [k × (months + 2) + m]; m = months + 1 counts runs that never did. */
  final long[] reachedCounts;

  BlockTotals(CompiledScenario s, long blockIndex) {
    this.blockIndex = blockIndex;
    this.months = s.months;
    closing = new Moments(s.cellCount * s.months);
    shortfallTotal = new Moments(s.cellCount);
    anyShortfallRuns = new long[s.cellCount];
    delivered = new Moments(s.lineCount);
    transferShortfall = new Moments(s.transferCount);
    reachedCounts = new long[s.targetCells.length * (s.months + 2)];
  }

  void addClosing(int cell, int month, double[] stockByCellRun, int from, int runs) {
    closing.addBlock(cell * months + month, stockByCellRun, from, runs);
  }

  void addRunTotals(int runs, int stride, double[] deliveredByLineRun, double[] shortfallByCellRun,
      boolean[] anyShortfallByCellRun, double[] transferShortfallByTransferRun, int[] reachedByTargetRun) {
    closing.count = runs;
    for (int l = 0; l < delivered.sum.length; l++) {
      delivered.addBlock(l, deliveredByLineRun, l * stride, runs);
    }
    delivered.count = runs;
    for (int c = 0; c < shortfallTotal.sum.length; c++) {
      shortfallTotal.addBlock(c, shortfallByCellRun, c * stride, runs);
      long any = 0;
      for (int r = 0; r < runs; r++) {
        any += anyShortfallByCellRun[c * stride + r] ? 1 : 0;
      }
      anyShortfallRuns[c] = any;
    }
    shortfallTotal.count = runs;
    for (int j = 0; j < transferShortfall.sum.length; j++) {
      transferShortfall.addBlock(j, transferShortfallByTransferRun, j * stride, runs);
    }
    transferShortfall.count = runs;
    int width = months + 2;
    for (int k = 0; k < reachedCounts.length / width; k++) {
      for (int r = 0; r < runs; r++) {
        int reached = reachedByTargetRun[k * stride + r];
        reachedCounts[k * width + (reached < 0 ? months + 1 : reached)]++;
      }
    }
  }

  /** Merges the next block (in block order) into these totals. */
  void merge(BlockTotals block) {
    closing.merge(block.closing);
    shortfallTotal.merge(block.shortfallTotal);
    delivered.merge(block.delivered);
    transferShortfall.merge(block.transferShortfall);
    for (int c = 0; c < anyShortfallRuns.length; c++) {
      anyShortfallRuns[c] += block.anyShortfallRuns[c];
    }
    for (int k = 0; k < reachedCounts.length; k++) {
      reachedCounts[k] += block.reachedCounts[k];
    }
  }
}
