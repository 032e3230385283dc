package org.quartermaster.engine.simulation;

/**
 * Sums and sums of squared deviations (M2) of many series at once, for means and sample standard
 * deviations. A block computes its own (two passes over its values); blocks are then merged in block
 * order with Chan et al.'s pairwise update, which is exact in exact arithmetic and deterministic
 * in floating point because the order is fixed.
 */
final class Moments {
  final double[] sum;
  final double[] m2;
  long count;

  Moments(int series) {
    sum = new double[series];
    m2 = new double[series];
  }

  /** Adds values[from … from + n) as this block's sample for series {@code k} (only one call per series). */
  void addBlock(int k, double[] values, int from, int n) {
    double total = 0.0;
    for (int r = 0; r < n; r++) {
      total += values[from + r];
    }
    double mean = total / n;
    double squares = 0.0;
    for (int r = 0; r < n; r++) {
      double deviation = values[from + r] - mean;
      squares += deviation * deviation;
    }
    sum[k] = total;
    m2[k] = squares;
  }

  /** Merges a later block's moments ({@code block.count} values per series) into these. */
  void merge(Moments block) {
    long n = count;
    long nb = block.count;
    if (n == 0) {
      System.arraycopy(block.sum, 0, sum, 0, sum.length);
      System.arraycopy(block.m2, 0, m2, 0, m2.length);
    } else {
      double weight = (double) n * nb / (n + nb);
      for (int k = 0; k < sum.length; k++) {
        double delta = block.sum[k] / nb - sum[k] / n;
        m2[k] = m2[k] + block.m2[k] + delta * delta * weight;
        sum[k] = sum[k] + block.sum[k];
      }
    }
    count = n + nb;
  }

  double mean(int k) {
    return sum[k] / count;
  }

  /** Sample standard deviation (n − 1 in the denominator); 0 for a single value. */
  double std(int k) {
    return count < 2 ? 0.0 : Math.sqrt(Math.max(0.0, m2[k]) / (count - 1));
  }
}
