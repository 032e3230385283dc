package org.quartermaster.engine.simulation;

/**
 * Keeps every run's closing stock (float64) and selects exact type-7 quantiles ({@link BucketSelect}). Memory:
 * cells × months × runs × 8 bytes, which is why it serves up to {@value ClosingQuantiles#EXACT_MAX_RUNS} runs.
 */
final class ExactClosingQuantiles implements ClosingQuantiles, QuantileSink {
  private final int months;
  private final int runs;
  private final double[][] valuesBySeries;

  ExactClosingQuantiles(CompiledScenario s, int runs) {
    this.months = s.months;
    this.runs = runs;
    long bytes = 8L * s.cellCount * s.months * runs;
    long available = Runtime.getRuntime().maxMemory() / 10 * 7;
    if (bytes > available) {
      throw new SimulationTooLargeException(String.format(
          "exact quantiles for %d cells x %d months x %d runs need %,d MB, more than this JVM can spare (%,d MB): "
              + "use fewer runs or months, or more than %d runs (bounded-memory estimates), or a larger -Xmx",
          s.cellCount, s.months, runs, bytes >> 20, available >> 20, ClosingQuantiles.EXACT_MAX_RUNS));
    }
    valuesBySeries = new double[s.cellCount * s.months][runs];
  }

  @Override
  public QuantileSink sinkForWorker() {
    return this; // blocks write disjoint run ranges, so one shared store is safe
  }

  @Override
  public void record(int cell, int month, double[] values, int from, int n, long firstRun) {
    System.arraycopy(values, from, valuesBySeries[cell * months + month], (int) firstRun, n);
  }

  @Override
  public void finish() {
    // nothing to combine
  }

  @Override
  public double[][] quantiles(int cell) {
    double[][] out = new double[PROBABILITIES.length][months];
    BucketSelect select = new BucketSelect();
    for (int t = 0; t < months; t++) {
      double[] q = TypeSeven.of(valuesBySeries[cell * months + t], runs, PROBABILITIES, select);
      for (int k = 0; k < q.length; k++) {
        out[k][t] = q[k];
      }
      valuesBySeries[cell * months + t] = null; // done with it: let the memory go
    }
    return out;
  }
}
