package org.quartermaster.engine.optimise;

import java.util.List;
import org.quartermaster.engine.simulation.VariantStatistics;

/**
 * The type-7 median of months to target over the runs of several batches, from each batch's
 * cumulative distribution ({@code reachedByMonth}): months to target are whole months, so the counts
 * per month give every order statistic exactly.
 */
final class PooledMedian {
  private PooledMedian() {}

  /** The median, or {@code censored} when it is not reached within the horizon. */
  static double monthsToTarget(List<VariantStatistics> batches, int cell, int runsPerBatch, double censored) {
    double[] first = batches.get(0).monthsToTarget(cell).orElseThrow().reachedByMonth();
    long[] reachedByMonth = new long[first.length];
    for (VariantStatistics stats : batches) {
      double[] share = stats.monthsToTarget(cell).orElseThrow().reachedByMonth();
      for (int m = 0; m < share.length; m++) {
        reachedByMonth[m] += Math.round(share[m] * runsPerBatch);
      }
    }
    long runs = (long) runsPerBatch * batches.size();
    double h = (runs - 1) * 0.5;
    long lower = (long) Math.floor(h);
    double low = orderStatistic(reachedByMonth, lower, censored);
    if (h == lower) {
      return low;
    }
    double high = orderStatistic(reachedByMonth, lower + 1, censored);
    return high == censored ? censored : low + (h - lower) * (high - low);
  }

  /** The k-th smallest (0-based) months to target, or {@code censored}. */
  private static double orderStatistic(long[] reachedByMonth, long k, double censored) {
    for (int m = 0; m < reachedByMonth.length; m++) {
      if (reachedByMonth[m] >= k + 1) {
        return m;
      }
    }
    return censored;
  }
}
