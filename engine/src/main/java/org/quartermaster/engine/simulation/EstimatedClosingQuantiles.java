package org.quartermaster.engine.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bounded-memory quantile estimates for more than {@value ClosingQuantiles#EXACT_MAX_RUNS} runs.
 *
 * <p>Each (cell, month) keeps an exact count of zero stocks and counts of the positive stocks in
 * {@link LogLinearBuckets}, over a window of buckets that grows to cover the values seen (stocks of
 * one cell and month rarely span more than a few powers of two, so a window is a few kilobytes). A
 * type-7 quantile interpolates the two order statistics around it; each is replaced by the midpoint
 * of its bucket, within 0.39% of the true value, so the interpolation is within 0.39% of the exact
 * quantile too (MODEL.md allows 0.5%). Counts are integers, so merging the workers' counts does not
 * depend on which thread recorded which run. Memory depends on cells × months × the spread of the
 * values, never on the number of runs.
 */
final class EstimatedClosingQuantiles implements ClosingQuantiles {
  private final CompiledScenario s;
  private final List<Worker> workers = new ArrayList<>();

  EstimatedClosingQuantiles(CompiledScenario s) {
    this.s = s;
  }

  @Override
  public synchronized QuantileSink sinkForWorker() {
    Worker worker = new Worker(s.cellCount * s.months, s.months);
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
        int[] from = other.counts[k];
        for (int b = 0; b < from.length; b++) {
          if (from[b] != 0) {
            all.add(k, other.firstBucket[k] + b, from[b]);
          }
        }
        other.counts[k] = null;
      }
    }
  }

  @Override
  public double[][] quantiles(int cell) {
    Worker all = workers.get(0);
    double[][] out = new double[PROBABILITIES.length][s.months];
    for (int t = 0; t < s.months; t++) {
      int k = cell * s.months + t;
      long n = all.zeros[k];
      for (int count : all.counts[k]) {
        n += count;
      }
      long[] ranks = TypeSeven.ranks(n, PROBABILITIES);
      double[] q = TypeSeven.interpolateAll(
          orderStatistics(all.counts[k], all.firstBucket[k], all.zeros[k], ranks), n, PROBABILITIES);
      for (int p = 0; p < PROBABILITIES.length; p++) {
        out[p][t] = q[p];
      }
      all.counts[k] = null;
    }
    return out;
  }

  /** Representatives of the given 0-based order statistics (ascending ranks), zeros first. */
  static double[] orderStatistics(int[] counts, int firstBucket, long zeros, long[] ranks) {
    double[] out = new double[ranks.length];
    int next = 0;
    while (next < ranks.length && ranks[next] < zeros) {
      out[next++] = 0.0;
    }
    long below = zeros;
    for (int b = 0; b < counts.length && next < ranks.length; b++) {
      below += counts[b];
      while (next < ranks.length && ranks[next] < below) {
        out[next++] = LogLinearBuckets.representative(firstBucket + b);
      }
    }
    return out;
  }

  /** One worker's counts: per series [cell × months + month] a window of buckets from firstBucket. */
  static final class Worker implements QuantileSink {
    private static final int[] EMPTY = new int[0];
    private final int months;
    final int[][] counts;
    final int[] firstBucket;
    final long[] zeros;

    Worker(int series, int months) {
      this.months = months;
      counts = new int[series][];
      Arrays.fill(counts, EMPTY);
      firstBucket = new int[series];
      zeros = new long[series];
    }

    @Override
    public void record(int cell, int month, double[] values, int from, int runs, long firstRun) {
      int k = cell * months + month;
      int[] window = counts[k];
      int first = firstBucket[k];
      long zeroCount = 0;
      for (int r = 0; r < runs; r++) {
        double value = values[from + r];
        if (value == 0) {
          zeroCount++;
          continue;
        }
        int bucket = LogLinearBuckets.index(value);
        int offset = bucket - first;
        if (offset < 0 || offset >= window.length) {
          window = grow(k, bucket);
          first = firstBucket[k];
          offset = bucket - first;
        }
        window[offset]++;
      }
      zeros[k] += zeroCount;
    }

    /** Adds {@code count} to one bucket of series k, growing its window when needed. */
    void add(int k, int bucket, int count) {
      int offset = bucket - firstBucket[k];
      int[] window = counts[k];
      if (offset < 0 || offset >= window.length) {
        window = grow(k, bucket);
        offset = bucket - firstBucket[k];
      }
      window[offset] += count;
    }

    private int[] grow(int k, int bucket) {
      int[] old = counts[k];
      int lo = old.length == 0 ? bucket : Math.min(firstBucket[k], bucket);
      int hi = old.length == 0 ? bucket : Math.max(firstBucket[k] + old.length - 1, bucket);
      // room beyond the new value, growing with the window so that copies stay rare (amortised O(1))
      int margin = Math.max(LogLinearBuckets.SUB_BUCKETS / 4, old.length);
      if (old.length == 0 || bucket < firstBucket[k]) {
        lo = Math.max(0, lo - margin);
      }
      if (old.length == 0 || bucket > firstBucket[k] + old.length - 1) {
        hi = hi + margin;
      }
      int[] window = new int[hi - lo + 1];
      if (old.length > 0) {
        System.arraycopy(old, 0, window, firstBucket[k] - lo, old.length);
      }
      counts[k] = window;
      firstBucket[k] = lo;
      return window;
    }
  }
}
