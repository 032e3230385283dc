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

  /**
   * Type-7 quantiles of values[0 … n), {@code probabilities} ascending. Reorders the array
   * (selection, not a full sort).
   */
  static double[] of(double[] values, int n, double[] probabilities) {
    double[] out = new double[probabilities.length];
    int from = 0;
    for (int k = 0; k < probabilities.length; k++) {
      int lo = (int) lowerRank(n, probabilities[k]);
      double g = weight(n, probabilities[k]);
      select(values, from, n - 1, lo);
      double a = values[lo];
      double b = a;
      if (g > 0 && lo + 1 < n) {
        b = values[lo + 1];
        for (int j = lo + 2; j < n; j++) {
          b = Math.min(b, values[j]);
        }
      }
      out[k] = interpolate(a, b, g);
      from = lo;
    }
    return out;
  }

  /** Hoare-style quickselect: afterwards values[k] is the k-th smallest of values[left … right]. */
  private static void select(double[] values, int left, int right, int k) {
    while (right > left) {
      int mid = (left + right) >>> 1;
      double pivot = median(values[left], values[mid], values[right]);
      int i = left;
      int j = right;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double swap = values[i];
          values[i] = values[j];
          values[j] = swap;
          i++;
          j--;
        }
      }
      if (k <= j) {
        right = j;
      } else if (k >= i) {
        left = i;
      } else {
        return;
      }
    }
  }

  private static double median(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
