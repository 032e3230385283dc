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
    long[] ranks = new long[2 * probabilities.length];
    for (int k = 0; k < probabilities.length; k++) {
      ranks[2 * k] = lowerRank(n, probabilities[k]);
      ranks[2 * k + 1] = Math.min(ranks[2 * k] + 1, n - 1);
    }
    double[] order = select.orderStatistics(values, n, ranks);
    double[] out = new double[probabilities.length];
    for (int k = 0; k < probabilities.length; k++) {
      out[k] = interpolate(order[2 * k], order[2 * k + 1], weight(n, probabilities[k]));
    }
    return out;
  }
}
