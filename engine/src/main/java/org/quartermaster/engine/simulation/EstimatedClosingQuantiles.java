package org.quartermaster.engine.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounded-memory quantile estimates for more than {@value ClosingQuantiles#EXACT_MAX_RUNS} runs.
 *
 * <p>Each (cell, month) keeps an exact count of zero stocks and counts of the positive stocks in
 * {@link LogLinearBuckets}. A type-7 quantile interpolates the two order statistics around it; each
 * is replaced by the midpoint of its bucket, within 0.39% of the true value (or 2^-20 absolute for
 * stocks under 2^-20). Type 7 is a convex combination of the two, so the estimate is within 0.39% of
 * the exact quantile (MODEL.md allows 0.5%). Counts are integers, so merging the workers' counts does
 * not depend on which thread recorded which run. Memory is cells × months × buckets (set by each
 * cell's largest possible stock) × 4 bytes per worker, independent of the number of runs.
 */
final class EstimatedClosingQuantiles implements ClosingQuantiles {
  private final CompiledScenario s;
  private final int[] bucketsByCell;
  private final List<Worker> workers = new ArrayList<>();

  EstimatedClosingQuantiles(CompiledScenario s) {
    this.s = s;
    bucketsByCell = new int[s.cellCount];
    for (int c = 0; c < s.cellCount; c++) {
      bucketsByCell[c] = LogLinearBuckets.count(s.stockBoundByCell[c] * 1.001 + 1);
    }
  }

  @Override
  public synchronized QuantileSink sinkForWorker() {
    Worker worker = new Worker();
    workers.add(worker);
    return worker;
  }

  @Override
  public void finish() {
    Worker all = workers.get(0);
    for (int w = 1; w < workers.size(); w++) {
      Worker other = workers.get(w);
      for (int k = 0; k < all.counts.length; k++) {
        all.zeros[k] += other.zeros[k];
        int[] into = all.counts[k];
        int[] from = other.counts[k];
        for (int b = 0; b < into.length; b++) {
          into[b] += from[b];
        }
        other.counts[k] = null;
      }
    }
  }

  @Override
  public double[][] quantiles(int cell) {
    Worker all = workers.get(0);
    double[][] out = new double[PROBABILITIES.length][s.months];
    long[] ranks = new long[2 * PROBABILITIES.length];
    for (int t = 0; t < s.months; t++) {
      int k = cell * s.months + t;
      long n = all.zeros[k];
      for (int count : all.counts[k]) {
        n += count;
      }
      for (int q = 0; q < PROBABILITIES.length; q++) {
        ranks[2 * q] = TypeSeven.lowerRank(n, PROBABILITIES[q]);
        ranks[2 * q + 1] = Math.min(ranks[2 * q] + 1, n - 1);
      }
      double[] order = orderStatistics(all.counts[k], all.zeros[k], ranks);
      for (int q = 0; q < PROBABILITIES.length; q++) {
        out[q][t] = TypeSeven.interpolate(order[2 * q], order[2 * q + 1], TypeSeven.weight(n, PROBABILITIES[q]));
      }
      all.counts[k] = null;
    }
    return out;
  }

  /** Representatives of the given 0-based order statistics (ascending ranks), zeros first. */
  static double[] orderStatistics(int[] counts, long zeros, long[] ranks) {
    double[] out = new double[ranks.length];
    int next = 0;
    while (next < ranks.length && ranks[next] < zeros) {
      out[next++] = 0.0;
    }
    long below = zeros;
    for (int b = 0; b < counts.length && next < ranks.length; b++) {
      below += counts[b];
      while (next < ranks.length && ranks[next] < below) {
        out[next++] = LogLinearBuckets.representative(b);
      }
    }
    return out;
  }

  /** One worker's counts, [cell × months + month][bucket]. */
  final class Worker implements QuantileSink {
    final int[][] counts;
    final long[] zeros;

    Worker() {
      counts = new int[s.cellCount * s.months][];
      zeros = new long[s.cellCount * s.months];
      for (int c = 0; c < s.cellCount; c++) {
        for (int t = 0; t < s.months; t++) {
          counts[c * s.months + t] = new int[bucketsByCell[c]];
        }
      }
    }

    @Override
    public void record(int cell, int month, double[] values, int from, int runs, long firstRun) {
      int k = cell * s.months + month;
      int[] bucketCounts = counts[k];
      long zeroCount = 0;
      for (int r = 0; r < runs; r++) {
        double value = values[from + r];
        if (value == 0) {
          zeroCount++;
        } else {
          bucketCounts[LogLinearBuckets.index(value)]++;
        }
      }
      zeros[k] += zeroCount;
    }
  }
}
