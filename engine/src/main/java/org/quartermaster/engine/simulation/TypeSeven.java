package org.quartermaster.engine.simulation;

/** Type-7 quantiles (linear interpolation between order statistics, numpy's default). */
final class TypeSeven {
  private TypeSeven() {}

  /** The 0-based order statistic below the quantile: floor((n − 1) · q). */
  static long lowerRank(long n, double q) {
    return (long) Math.floor((n - 1) * q);
  }

  /** The interpolation weight (n − 1) · q − lowerRank. */
  static double weight(long n, double q) {
    double h = (n - 1) * q;
    return h - Math.floor(h);
  }

  /** numpy's lerp: a + (b − a)·g for g &lt; 0.5, else b − (b − a)·(1 − g). */
  static double interpolate(double a, double b, double g) {
    if (g == 0) {
      return a;
    }
    double diff = b - a;
    return g < 0.5 ? a + diff * g : b - diff * (1 - g);
  }

  /** Type-7 quantiles of values[0 … n), {@code probabilities} ascending; values are not modified. */
  static double[] of(double[] values, int n, double[] probabilities) {
    return of(values, n, probabilities, new BucketSelect());
  }

  static double[] of(double[] values, int n, double[] probabilities, BucketSelect select) {
    return of(values, 0, n, probabilities, select);
  }

  /** Type-7 quantiles of values[from … from + n); values are not modified. */
  static double[] of(double[] values, int from, int n, double[] probabilities, BucketSelect select) {
    long[] ranks = ranks(n, probabilities);
    return interpolateAll(select.orderStatistics(values, from, n, ranks), n, probabilities);
  }

  /**
   * The distinct 0-based order statistics that the quantiles of {@code probabilities} need, ascending
   * (for small n, the upper neighbour of one quantile can lie above the lower one of the next).
   */
  static long[] ranks(long n, double[] probabilities) {
    long[] ranks = new long[2 * probabilities.length];
    for (int k = 0; k < probabilities.length; k++) {
      ranks[2 * k] = lowerRank(n, probabilities[k]);
      ranks[2 * k + 1] = Math.min(ranks[2 * k] + 1, n - 1);
    }
    return java.util.Arrays.stream(ranks).distinct().sorted().toArray();
  }

  /** The quantiles from the order statistics {@code order} found for {@link #ranks(long, double[])}. */
  static double[] interpolateAll(double[] order, long n, double[] probabilities) {
    long[] ranks = ranks(n, probabilities);
    double[] out = new double[probabilities.length];
    for (int k = 0; k < probabilities.length; k++) {
      long lo = lowerRank(n, probabilities[k]);
      double a = order[java.util.Arrays.binarySearch(ranks, lo)];
      double b = order[java.util.Arrays.binarySearch(ranks, Math.min(lo + 1, n - 1))];
      out[k] = interpolate(a, b, weight(n, probabilities[k]));
    }
    return out;
  }
}
