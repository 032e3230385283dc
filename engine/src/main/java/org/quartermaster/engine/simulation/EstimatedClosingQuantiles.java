package org.quartermaster.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Bounded-memory quantile estimates for more than {@value ClosingQuantiles#EXACT_MAX_RUNS} runs.
 *
 * <p>Each (cell, month) keeps an exact count of zero stocks and an HdrHistogram (2 significant digits,
 * i.e. at least 128 linear sub-buckets per power of two) of the positive stocks scaled by 2^20. The
 * type-7 quantile interpolates the two order statistics around it; each is replaced by the midpoint
 * of its bucket, which is within half a bucket of the true value: at most 1/256 (0.39%) relative, or
 * 2^-21 absolute for stocks under 2^-13. Since type 7 is a convex combination of the two, the
 * estimate is within 0.39% of the exact quantile (MODEL.md allows 0.5%). Counts are integers, so
 * merging the workers' histograms does not depend on which thread recorded which run. Memory is
 * fixed by cells × months × the stock range, not by the number of runs.
 */
final class EstimatedClosingQuantiles implements ClosingQuantiles {
  static final int SIGNIFICANT_DIGITS = 2;

  private final CompiledScenario s;
  private final double[] scaleByCell;
  private final long[] highestByCell;
  private final List<Worker> workers = new ArrayList<>();

  EstimatedClosingQuantiles(CompiledScenario s) {
    this.s = s;
    scaleByCell = new double[s.cellCount];
    highestByCell = new long[s.cellCount];
    for (int c = 0; c < s.cellCount; c++) {
      double bound = s.stockBoundByCell[c] * 1.001 + 1;
      double scale = 0x1.0p20;
      while (bound * scale > 0x1.0p61) {
        scale /= 2; // keep scaled values well inside a long; precision stays relative
      }
      scaleByCell[c] = scale;
      highestByCell[c] = Math.max(2, (long) Math.ceil(bound * scale));
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
      for (int k = 0; k < all.histograms.length; k++) {
        all.zeros[k] += other.zeros[k];
        all.histograms[k].add(other.histograms[k]);
        other.histograms[k] = null;
      }
    }
  }

  @Override
  public double[][] quantiles(int cell) {
    Worker all = workers.get(0);
    double[][] out = new double[PROBABILITIES.length][s.months];
    for (int t = 0; t < s.months; t++) {
      int k = cell * s.months + t;
      IntCountsHistogram histogram = all.histograms[k];
      long n = all.zeros[k] + histogram.getTotalCount();
      long[] ranks = new long[2 * PROBABILITIES.length];
      for (int q = 0; q < PROBABILITIES.length; q++) {
        ranks[2 * q] = TypeSeven.lowerRank(n, PROBABILITIES[q]);
        ranks[2 * q + 1] = Math.min(ranks[2 * q] + 1, n - 1);
      }
      double[] order = orderStatistics(histogram, all.zeros[k], scaleByCell[cell], ranks);
      for (int q = 0; q < PROBABILITIES.length; q++) {
        out[q][t] = TypeSeven.interpolate(order[2 * q], order[2 * q + 1], TypeSeven.weight(n, PROBABILITIES[q]));
      }
      all.histograms[k] = null;
    }
    return out;
  }

  /** Bucket midpoints of the given 0-based order statistics (ascending ranks), zeros counted first. */
  private static double[] orderStatistics(IntCountsHistogram histogram, long zeros, double scale, long[] ranks) {
    double[] out = new double[ranks.length];
    int next = 0;
    while (next < ranks.length && ranks[next] < zeros) {
      out[next++] = 0.0;
    }
    long below = zeros;
    for (HistogramIterationValue bucket : histogram.recordedValues()) {
      long count = bucket.getCountAtValueIteratedTo();
      long value = bucket.getValueIteratedTo();
      double midpoint = (histogram.lowestEquivalentValue(value) + histogram.sizeOfEquivalentValueRange(value) / 2.0)
          / scale;
      while (next < ranks.length && ranks[next] < below + count) {
        out[next++] = midpoint;
      }
      below += count;
      if (next == ranks.length) {
        break;
      }
    }
    return out;
  }

  /** One worker's histograms, [cell × months + month]. */
  final class Worker implements QuantileSink {
    final IntCountsHistogram[] histograms;
    final long[] zeros;

    Worker() {
      histograms = new IntCountsHistogram[s.cellCount * s.months];
      zeros = new long[s.cellCount * s.months];
      for (int c = 0; c < s.cellCount; c++) {
        for (int t = 0; t < s.months; t++) {
          histograms[c * s.months + t] = new IntCountsHistogram(1, highestByCell[c], SIGNIFICANT_DIGITS);
        }
      }
    }

    @Override
    public void record(int cell, int month, double[] values, int from, int runs, long firstRun) {
      int k = cell * s.months + month;
      IntCountsHistogram histogram = histograms[k];
      double scale = scaleByCell[cell];
      long zeroCount = 0;
      for (int r = 0; r < runs; r++) {
        double value = values[from + r];
        if (value == 0) {
          zeroCount++;
        } else {
          histogram.recordValue((long) (value * scale));
        }
      }
      zeros[k] += zeroCount;
    }
  }
}
