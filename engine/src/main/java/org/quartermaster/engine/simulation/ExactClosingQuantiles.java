package org.quartermaster.engine.simulation;

/**
 * Keeps every run's closing stock (float64) and selects exact type-7 quantiles ({@link BucketSelect}). Memory:
 * cells × months × runs × 8 bytes, which is why it serves up to {@value ClosingQuantiles#EXACT_MAX_RUNS} runs.
 *
 * <p>One flat array per cell, [month × runs + run], rather than one per (cell, month): at 10,000 runs a
 * cell's array is several megabytes, which the garbage collector allocates as a single large object
 * outside the young generation and never copies. Thousands of 80 kB series arrays, live for the whole
 * run loop, were copied by every young collection and cost more than the selection itself.
 */
final class ExactClosingQuantiles implements ClosingQuantiles, QuantileSink {
  private final int months;
  private final int runs;
  /** [cell][month × runs + run]. */
  private final double[][] valuesByCell;

  ExactClosingQuantiles(CompiledScenario s, int runs) {
    this.months = s.months;
    this.runs = runs;
    long bytes = 8L * s.cellCount * s.months * runs;
    long available = Runtime.getRuntime().maxMemory() / 10 * 7;
    if (bytes > available || (long) s.months * runs > Integer.MAX_VALUE - 8) {
      throw new SimulationTooLargeException(String.format(
          "exact quantiles for %d cells x %d months x %d runs need %,d MB, more than this JVM can spare (%,d MB): "
              + "use fewer runs or months, or more than %d runs (bounded-memory estimates), or a larger -Xmx",
          s.cellCount, s.months, runs, bytes >> 20, available >> 20, ClosingQuantiles.EXACT_MAX_RUNS));
    }
    valuesByCell = new double[s.cellCount][];
    for (int c = 0; c < s.cellCount; c++) {
      valuesByCell[c] = new double[s.months * runs];
    }
  }

  @Override
  public QuantileSink sinkForWorker() {
    return this; // blocks write disjoint run ranges, so one shared store is safe
  }

  @Override
  public void record(int cell, int month, double[] values, int from, int n, long firstRun) {
    System.arraycopy(values, from, valuesByCell[cell], month * runs + (int) firstRun, n);
  }

  @Override
  public void finish() {
    // nothing to combine
  }

  @Override
  public double[][] quantiles(int cell) {
    double[][] out = new double[PROBABILITIES.length][months];
    BucketSelect select = new BucketSelect();
    double[] values = valuesByCell[cell];
    for (int t = 0; t < months; t++) {
      double[] q = TypeSeven.of(values, t * runs, runs, PROBABILITIES, select);
      for (int k = 0; k < q.length; k++) {
        out[k][t] = q[k];
      }
    }
    valuesByCell[cell] = null; // done with it: let the memory go
    return out;
  }
}
